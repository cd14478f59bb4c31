package org.clusterlogs.messagelogging.delivery;

/**
 * One rendered message as a destination's writer takes it from the queue. The header (if any) is
 * added by the writer, not by the caller, so the request thread does no date formatting.
 *
 * @param timestampMillis when the call was logged: the header's timestamp
 * @param message         the rendered template
 * @param format          how the writer turns it into a record (the policy's header, or none)
 */
public record QueuedRecord(long timestampMillis, String message, RecordFormat format) {
}
