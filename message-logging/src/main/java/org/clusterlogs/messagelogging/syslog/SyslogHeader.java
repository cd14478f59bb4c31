package org.clusterlogs.messagelogging.syslog;

import org.clusterlogs.messagelogging.delivery.RecordFormat;
import org.clusterlogs.messagelogging.policy.LogLevel;

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
 * <p>Not thread-safe (neither is {@code SimpleDateFormat}): used only by its destination's writer thread.
 */
public final class SyslogHeader implements RecordFormat {

    private final String pri;
    private final String afterTimestamp;
    private final SimpleDateFormat dateFormat;
    private final Date date = new Date();

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
    public String format(long timestampMillis, String message) {
        date.setTime(timestampMillis);
        return pri + dateFormat.format(date) + afterTimestamp + message;
    }
}
