package org.clusterlogs.logs.source;

import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * One log entry as every format needs it.
 *
 * @param cursorSource    makes the position right after this entry, as a client sends it back
 *                        ({@code cursor} parameter, SSE {@code id}, {@code Last-Event-ID}); only
 *                        the JSON and SSE formats and the journal's bookkeeping ask, so a text read
 *                        of a file never turns its lines' offsets into strings
 * @param fieldSource     makes the entry's fields, keys sorted (journal fields, or MESSAGE plus
 *                        ids); only the JSON formats and filters ask, so a text read of a file
 *                        never decodes its lines
 * @param text            the bytes of the text format, without the final newline; {@code null}
 *                        for an entry that prints nothing as text (a journal entry without MESSAGE)
 * @param realtimeMicros  wall-clock time in µs since the epoch, or -1 when the source has none
 * @param monotonicMicros monotonic time in µs, or -1 when the source has none
 */
public record Entry(Supplier<String> cursorSource, Supplier<SortedMap<String, String>> fieldSource, byte[] text,
                    long realtimeMicros, long monotonicMicros) {

    /** An entry whose cursor is already made. */
    public Entry(String cursor, Supplier<SortedMap<String, String>> fieldSource, byte[] text, long realtimeMicros,
                 long monotonicMicros) {
        this(() -> cursor, fieldSource, text, realtimeMicros, monotonicMicros);
    }

    /** An entry whose cursor and fields are already made. */
    public Entry(String cursor, SortedMap<String, String> fields, byte[] text, long realtimeMicros,
                 long monotonicMicros) {
        this(() -> cursor, () -> fields, text, realtimeMicros, monotonicMicros);
    }

    public String cursor() {
        return cursorSource.get();
    }

    public SortedMap<String, String> fields() {
        return fieldSource.get();
    }
}
