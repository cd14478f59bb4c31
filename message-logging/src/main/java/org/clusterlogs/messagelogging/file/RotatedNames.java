package org.clusterlogs.messagelogging.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of rolled-over files: {@code {FileName}.{yyyyMMdd-HHmmss}} in UTC, with {@code -1},
 * {@code -2}, ... when that second is taken, so that listing a directory shows them in order.
 */
final class RotatedNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path active;
    private final Pattern rotated;

    RotatedNames(Path active) {
        this.active = active;
        this.rotated = Pattern.compile(Pattern.quote(active.getFileName().toString()) + "\\.(\\d{8}-\\d{6})(?:-(\\d+))?");
    }

    /**
     * A free name for the active file rolled over at {@code when}, sorting after every rolled-over
     * file of that second (also after ones retention already deleted would have been: the sequence
     * continues from the highest one left, never reusing a lower free number that would sort first).
     */
    Path next(Instant when) throws IOException {
        String stamp = STAMP.format(when);
        int highest = -1;
        for (Path p : existing()) {
            if (stamp(p).equals(stamp)) {
                highest = Math.max(highest, sequence(p));
            }
        }
        String base = active.getFileName() + "." + stamp;
        return active.resolveSibling(highest < 0 ? base : base + "-" + (highest + 1));
    }

    /** The rolled-over files of the active file, oldest first. */
    List<Path> existing() throws IOException {
        try (Stream<Path> files = Files.list(active.getParent())) {
            return files.filter(p -> rotated.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> stamp(p)).thenComparingInt(this::sequence))
                    .toList();
        }
    }

    private String stamp(Path p) {
        Matcher m = rotated.matcher(p.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }

    private int sequence(Path p) {
        Matcher m = rotated.matcher(p.getFileName().toString());
        return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
    }
}
