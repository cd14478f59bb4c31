package org.clusterlogs.messagelogging.delivery;

/**
 * Turns a queued message into the text of one record, before framing: the syslog header of the
 * policy that logged it, or nothing. Called only on the destination's writer thread, so an
 * implementation may keep non-thread-safe state such as a {@link java.text.SimpleDateFormat}.
 */
@FunctionalInterface
public interface RecordFormat {

    /** The message as it is sent: itself, with no header. */
    RecordFormat PLAIN = (timestampMillis, message) -> message;

    String format(long timestampMillis, String message);
}
