package org.clusterlogs.cli.logs;

import org.clusterlogs.cli.StopSignal;
import org.clusterlogs.cli.http.ApiFailure;
import org.clusterlogs.cli.http.ApiRequest;
import org.clusterlogs.cli.http.ClusterClient;
import org.clusterlogs.cli.http.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Follows a log's event stream until stopped, printing every line exactly once. A dropped
 * connection, a node whose log-service restarts (discovery answers 502 meanwhile) or a busy
 * service (503) is not the end: the follower waits, doubling the wait up to
 * {@link #MAX_BACKOFF}, and asks again with {@code Last-Event-ID} set to the id of the last
 * event it printed, which log-service continues right after. Anything else the server answers
 * (401, 403, 404, ...) ends the follow as a failure. What is printed of each event is the
 * {@link EventPrinter}'s business, so that one log and a merged stream of many are followed alike.
 * A follow with an upper time bound ({@code until}) ends when the server ends the stream there.
 */
final class LogFollower {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Three of log-service's 15 s pings missed. */
    static final Duration SILENCE = Duration.ofSeconds(45);

    private final ClusterClient client;
    private final EventPrinter printer;
    private final PrintWriter err;
    private final StopSignal stop;
    private final boolean endsWithStream;
    private final Duration silence;
    private String lastEventId;

    /**
     * A follower that prints through {@code printer} and notes its reconnects on {@code err};
     * with {@code endsWithStream} (a follow up to {@code until}) a stream the server ends
     * normally is the end of the follow, not a drop.
     */
    LogFollower(ClusterClient client, EventPrinter printer, PrintWriter err, StopSignal stop, boolean endsWithStream) {
        this(client, printer, err, stop, endsWithStream, SILENCE);
    }

    LogFollower(ClusterClient client, EventPrinter printer, PrintWriter err, StopSignal stop, boolean endsWithStream,
            Duration silence) {
        this.client = client;
        this.printer = printer;
        this.err = err;
        this.stop = stop;
        this.endsWithStream = endsWithStream;
        this.silence = silence;
    }

    /** Follows {@code target} (a log route with its query) until the stop signal comes. */
    void follow(String target) throws IOException, InterruptedException {
        try (SilenceWatch watch = new SilenceWatch(silence, stop)) {
            follow(target, watch);
        }
        Thread.interrupted(); // a stop may have interrupted this thread to wake its read: that is done with
    }

    private void follow(String target, SilenceWatch watch) throws IOException, InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        boolean lost = false;
        while (!stop.isStopped()) {
            String cause;
            try {
                HttpResponse<InputStream> response = send(target, watch);
                if (response.statusCode() == 200) {
                    if (lost) {
                        note("reconnected");
                        lost = false;
                    }
                    backoff = FIRST_BACKOFF;
                    read(watch.watch(response.body()), watch);
                    if (endsWithStream) {
                        return;
                    }
                    cause = "the stream ended";
                } else {
                    ApiFailure failure;
                    try (InputStream body = response.body()) {
                        failure = Problems.failure(response.statusCode(), body.readAllBytes());
                    }
                    if (!failure.isTransient()) {
                        throw failure;
                    }
                    cause = failure.getMessage();
                }
            } catch (IOException dropped) {
                cause = dropped.getMessage() == null ? dropped.toString() : dropped.getMessage();
            } catch (InterruptedException woken) {
                // woken by a stop, or by the silence watch just after the read it meant ended
                cause = "interrupted";
            }
            if (stop.isStopped()) {
                break;
            }
            String silent = watch.firedSince();
            cause = silent != null ? silent : cause;
            Thread.interrupted(); // the watch's wake-up call may have come after the read it was for
            if (!lost) {
                note("connection lost (" + cause + "); reconnecting");
                lost = true;
            }
            if (stop.await(backoff)) {
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Sends the request; one that gets no answer within the silence is given up like a silent stream. */
    private HttpResponse<InputStream> send(String target, SilenceWatch watch) throws IOException, InterruptedException {
        watch.arm();
        stop.reading(() -> { });
        try {
            return client.send(request(target));
        } finally {
            stop.doneReading();
            watch.disarm();
        }
    }

    private ApiRequest request(String target) {
        ApiRequest request = ApiRequest.get(target).header("Accept", "text/event-stream");
        return lastEventId == null ? request : request.header("Last-Event-ID", lastEventId);
    }

    private void read(InputStream body, SilenceWatch watch) throws IOException {
        stop.reading(body);
        try (body) {
            SseReader.read(body, event -> {
                try {
                    printer.print(event);
                } catch (IOException notAnEntry) {
                    throw new UncheckedIOException("not a log entry: " + event.data(), notAnEntry);
                }
                if (event.id() != null) {
                    lastEventId = event.id();
                }
            });
        } finally {
            stop.doneReading();
            watch.disarm();
        }
    }

    private void note(String message) {
        err.println("clusterlogs: " + message);
        err.flush();
    }
}
