package org.clusterlogs.logs.read;

import org.clusterlogs.logs.source.LogSource;
import org.clusterlogs.logs.source.Position;

import java.io.IOException;

/**
 * The positioning model (log-service README, "Positioning"): the cursor gives a position between
 * entries (none: the head, or the tail when skipping backwards), a negative skip moves back
 * exactly that many entries, clamped at the head. A positive skip is applied by the reader.
 */
final class StartPosition {

    private StartPosition() {
    }

    static Position of(LogSource source, ReadParams params) throws IOException {
        if (params.lastEventId() != null) {
            return source.after(params.lastEventId());
        }
        Position from;
        String cursor = params.cursor();
        if (cursor == null) {
            from = params.skip() < 0 ? source.tail() : source.head();
        } else if (cursor.equals(ReadParams.BEG)) {
            from = source.head();
        } else if (cursor.equals(ReadParams.END)) {
            from = source.tail();
        } else {
            from = source.after(cursor);
        }
        if (params.skip() < 0) {
            long back = params.skip() == Long.MIN_VALUE ? Long.MAX_VALUE : -params.skip();
            from = source.back(from, back);
        }
        return from;
    }
}
