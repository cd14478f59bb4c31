package org.clusterlogs.messagelogging.delivery;

/**
 * Turns a queued message into the text of one record, before framing: the syslog header of the
 * policy that logged it, or nothing. Called only on the destination's writer thread, so an
 * implementation may keep non-thread-safe state such as a {@link java.text.SimpleDateFormat}.
 */
@FunctionalInterface
public interface RecordFormat {

    /** The message as it is sent: itself, with no header. */
    RecordFormat PLAIN = (out, timestampMillis, message) -> out.append(message);

    /** Appends the record's text to {@code out}, which the writer reuses from record to record. */
    void appendTo(StringBuilder out, long timestampMillis, String message);

    /** The record's text on its own (a trace, a test). */
    default String format(long timestampMillis, String message) {
        StringBuilder out = new StringBuilder(message.length() + 64);
        appendTo(out, timestampMillis, message);
        return out.toString();
    }
}
