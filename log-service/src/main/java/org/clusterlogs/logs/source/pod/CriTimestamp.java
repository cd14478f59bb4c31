package org.clusterlogs.logs.source.pod;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the RFC 3339 timestamps of CRI records ({@code 2025-11-21T23:44:00.123456789Z} or with
 * an offset such as {@code +01:00}; the fraction has 0 to 9 digits) straight from the bytes:
 * every record has one, so this avoids a formatter and a String per record.
 */
final class CriTimestamp {

    static final long INVALID = -1;

    private CriTimestamp() {
    }

    /** Nanoseconds since the epoch, or {@link #INVALID} when the bytes are no such timestamp (or before 1970). */
    static long parseNanos(byte[] b, int from, int to) {
        if (to - from < 20) {
            return INVALID;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T'
                || b[from + 13] != ':' || b[from + 16] != ':'
                || hour > 23 || minute > 59 || second > 60) {
            return INVALID;
        }
        int i = from + 19;
        long fraction = 0;
        if (b[i] == '.') {
            i++;
            int start = i;
            while (i < to && b[i] >= '0' && b[i] <= '9' && i - start < 9) {
                fraction = fraction * 10 + (b[i] - '0');
                i++;
            }
            if (i == start) {
                return INVALID;
            }
            for (int k = i - start; k < 9; k++) {
                fraction *= 10;
            }
        }
        long offsetSeconds;
        if (i == to - 1 && b[i] == 'Z') {
            offsetSeconds = 0;
        } else if (i == to - 6 && (b[i] == '+' || b[i] == '-') && b[i + 3] == ':') {
            int oh = digits(b, i + 1, 2);
            int om = digits(b, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 23 || om > 59) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600L + om * 60L) * (b[i] == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long days;
        try {
            days = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return INVALID;
        }
        long seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        if (seconds < 0 || seconds > Long.MAX_VALUE / 1_000_000_000L - 1) {
            return INVALID;
        }
        return seconds * 1_000_000_000L + fraction;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }
}
