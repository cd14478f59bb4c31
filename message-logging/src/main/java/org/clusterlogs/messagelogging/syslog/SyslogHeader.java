package org.clusterlogs.messagelogging.syslog;

import org.clusterlogs.messagelogging.delivery.RecordFormat;
import org.clusterlogs.messagelogging.policy.LogLevel;

import java.text.FieldPosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The header a {@code FormatMessage=true} policy puts before its message:
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME - - - }, RFC 5424's layout with the version 1 and nil
 * PROCID, MSGID and STRUCTURED-DATA. TIMESTAMP is formatted by {@link SimpleDateFormat} because
 * the policy's {@code DateFormat} is defined by that class's pattern letters.
 *
 * <p>The timestamp is formatted once per distinct millisecond and kept, so records of one burst
 * share it, and the header is appended to the writer's reused text: a record makes no strings.
 * Not thread-safe (neither is {@code SimpleDateFormat}): used only by its destination's writer thread.
 */
public final class SyslogHeader implements RecordFormat {

    private final String pri;
    private final String afterTimestamp;
    private final SimpleDateFormat dateFormat;
    private final Date date = new Date();
    private final StringBuffer timestamp = new StringBuffer(32);
    private final FieldPosition ignored = new FieldPosition(0);
    private long timestampMillis = Long.MIN_VALUE;

    /**
     * @param level      sets the PRI: facility user (1) × 8 + the level's severity
     * @param dateFormat a {@code SimpleDateFormat} pattern (already validated)
     * @param timeZone   the zone of the timestamp, UTC unless configured
     * @param hostName   HOSTNAME: this service instance's id
     * @param appName    APP-NAME, {@code Apigee-Edge} unless configured
     */
    public SyslogHeader(LogLevel level, String dateFormat, TimeZone timeZone, String hostName, String appName) {
        this.pri = "<" + level.pri() + ">1 ";
        this.afterTimestamp = " " + hostName + " " + appName + " - - - ";
        this.dateFormat = new SimpleDateFormat(dateFormat, Locale.US);
        this.dateFormat.setTimeZone(timeZone);
    }

    @Override
    public void appendTo(StringBuilder out, long timestampMillis, String message) {
        if (timestampMillis != this.timestampMillis) {
            date.setTime(timestampMillis);
            timestamp.setLength(0);
            dateFormat.format(date, timestamp, ignored);
            this.timestampMillis = timestampMillis;
        }
        out.append(pri).append(timestamp).append(afterTimestamp).append(message);
    }
}
