package org.clusterlogs.logs.source.files;

import org.clusterlogs.logs.source.BadParameterException;
import org.clusterlogs.logs.source.Printable;

/**
 * The {@code offset} and {@code length} of a Mesos {@code files/read}, checked. Mesos' rules:
 * no offset or {@code -1} asks for the file's size only; no length or {@code -1} reads to the
 * end of the file; every read is capped.
 *
 * @param offset where to start, or -1 for "the size only"
 * @param length most bytes to read (already capped)
 */
public record ReadWindow(long offset, long length) {

    public ReadWindow {
        if (offset < -1 || length < 0) {
            throw new IllegalArgumentException("offset must be >= -1 and length >= 0");
        }
    }

    /**
     * Parses the query parameters.
     *
     * @param offset as sent, or null when absent
     * @param length as sent, or null when absent
     * @param cap    the most bytes one read answers
     * @throws BadParameterException for anything but an integer >= -1 (a 400)
     */
    public static ReadWindow parse(String offset, String length, long cap) {
        long o = offset == null ? -1 : number(offset, "offset");
        long l = length == null ? -1 : number(length, "length");
        return new ReadWindow(o, l == -1 ? cap : Math.min(l, cap));
    }

    /** Only the size is asked for. */
    public boolean sizeOnly() {
        return offset == -1;
    }

    /** How many bytes to send from a file of {@code size} bytes: none past its end. */
    public long bytesIn(long size) {
        return Math.max(0, Math.min(length, size - offset));
    }

    private static long number(String value, String name) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameterException(name + " must be an integer (-1 or more): " + Printable.of(value));
        }
        if (n < -1) {
            throw new BadParameterException(name + " must be -1 or more: " + n);
        }
        return n;
    }
}
