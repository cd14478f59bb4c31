package org.clusterlogs.logs.source.file;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.inject.Singleton;
import org.clusterlogs.logs.source.FileLook;

/**
 * What backward scans of unfiltered log files found, remembered for as long as the file looks
 * the same (identity, size, modification time): dashboards and scripts ask for the last lines of
 * the same files over and over, and an unchanged file has the same last lines. A file that
 * grew, shrank, was modified or replaced looks different, so its old answers are never used
 * again (they age out of the bounded memo).
 *
 * <p>The look is taken from the opened file before the scan, and an answer is remembered only
 * when the file's size did not change during the scan; a write during the scan changes the
 * modification time, so the look the answer is filed under is never seen again. (Modification
 * times come from a clock with a few milliseconds' granularity: a file rewritten in place to the
 * same size within one tick of being looked at would keep its look. Log files are appended to,
 * truncated or replaced, not rewritten in place.)
 *
 * <p>Only the positions are remembered, never bytes: every answer is still read from the file
 * opened for its request, through the root check. Hits and misses are in the metrics
 * ({@code cache_gets_total{cache="logs_scan_backs"|"logs_scan_unchanged"}}).
 */
@Singleton // not @ApplicationScoped: no client proxy on the per-entry paths
public class ScanMemo {

    private static final int MAX_ANSWERS = 4096;

    /** Where {@code count} entries before {@code from} begin. */
    record Back(FileLook look, int maxLineBytes, long from, long count) {
    }

    /** Whether the text from {@code start} to the end is the file's bytes unchanged. */
    record Unchanged(FileLook look, int maxLineBytes, long start) {
    }

    /** The answer to {@link Unchanged}: unchanged or not, and whether the file ends without a newline. */
    record UnchangedAnswer(boolean unchanged, boolean endsInPartialLine) {
    }

    private final Cache<Back, Long> backs = Caffeine.newBuilder().maximumSize(MAX_ANSWERS).recordStats().build();
    private final Cache<Unchanged, UnchangedAnswer> unchanged =
            Caffeine.newBuilder().maximumSize(MAX_ANSWERS).recordStats().build();

    public ScanMemo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, backs, "logs_scan_backs");
        CaffeineCacheMetrics.monitor(registry, unchanged, "logs_scan_unchanged");
    }

    Long back(Back question) {
        return backs.getIfPresent(question);
    }

    void back(Back question, long answer) {
        backs.put(question, answer);
    }

    UnchangedAnswer unchanged(Unchanged question) {
        return unchanged.getIfPresent(question);
    }

    void unchanged(Unchanged question, UnchangedAnswer answer) {
        unchanged.put(question, answer);
    }
}
