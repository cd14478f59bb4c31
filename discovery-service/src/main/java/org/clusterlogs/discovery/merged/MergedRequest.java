package org.clusterlogs.discovery.merged;

import io.vertx.core.MultiMap;
import org.clusterlogs.common.problem.ProblemException;
import org.clusterlogs.common.problem.params.TimeRange;
import org.clusterlogs.discovery.redirect.TaskDiscovery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parameters of {@code GET /system/v1/logs/v2/tasks}, checked: 400 {@code BadParameter}
 * for anything malformed, before any node is asked.
 *
 * @param q          a task name or id part, or a label selector over pod tasks
 * @param file       the file of each task ({@code stdout} by default); empty for a pod's whole log
 * @param completed  whether completed tasks are sources too
 * @param limit      the last {@code limit} entries (0: no limit)
 * @param colour     ANSI colours in text prefixes
 * @param cursor     where to start: {@code BEG}, {@code END}, or a merged id; {@code Last-Event-ID} wins
 * @param passThrough the query every node gets: {@code since}, {@code until}, {@code grep}, {@code filter}, encoded
 * @param until       the {@code until} time, when given: a follow ends once it has passed and every source has ended
 */
public record MergedRequest(String q, Optional<String> file, boolean completed, int limit, boolean colour,
                            String cursor, String passThrough, Optional<Instant> until) {

    /** The parameters every node gets as they came (log-service checks them), but for the two below. */
    static final List<String> PASSED_THROUGH = List.of("grep", "filter");
    // since and until are sent on as times: an age such as 10m is made a time here, once, so that
    // every node, and every reconnection of a long follow, means the same instant (TimeRange)
    /** The largest {@code limit}: the merged last N are held in memory until the sources end. */
    public static final int MAX_LIMIT = 100_000;

    public static MergedRequest of(MultiMap params, String lastEventId) {
        String q = Optional.ofNullable(params.get("q")).orElse("");
        TaskDiscovery.checkText("q", q);
        Optional<String> file = Optional.ofNullable(params.get("file"));
        if (file.isPresent()) {
            TaskDiscovery.checkFile(file.get());
        }
        String cursor = lastEventId != null && !lastEventId.isEmpty() ? lastEventId
                : Optional.ofNullable(params.get("cursor")).orElse("BEG");
        if (!cursor.equals("BEG") && !cursor.equals("END")) {
            MergedCursor.decode(cursor); // 400 BadCursor now, not on the first event
        }
        StringBuilder through = new StringBuilder();
        for (String name : PASSED_THROUGH) {
            for (String value : params.getAll(name)) {
                append(through, name, value);
            }
        }
        TimeRange times;
        try {
            times = TimeRange.parse(params.get("since"), params.get("until"), Instant.now());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        times.since().ifPresent(t -> append(through, "since", t.toString()));
        times.until().ifPresent(t -> append(through, "until", t.toString()));
        return new MergedRequest(q, file, flag(params, "completed"), limit(params.get("limit")), flag(params, "color"),
                cursor, through.toString(), times.until());
    }

    /** Whether {@code until} was given and has passed. */
    boolean untilPassed(Instant now) {
        return until.isPresent() && !now.isBefore(until.get());
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(encode(value));
    }


    /** The file a Mesos task is read from. */
    public String sandboxFile() {
        return file.orElse("stdout");
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 0 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw bad("limit must be a whole number from 0 (no limit) to " + MAX_LIMIT);
    }

    private static boolean flag(MultiMap params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw bad(name + " must be true or false");
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static ProblemException bad(String detail) {
        return new ProblemException(400, "BadParameter", detail);
    }
}
