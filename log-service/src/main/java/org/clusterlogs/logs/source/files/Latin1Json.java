package org.clusterlogs.logs.source.files;

import io.vertx.core.buffer.Buffer;

/**
 * Writes bytes as the contents of a JSON string, one character per byte (ISO-8859-1): byte
 * 0xNN becomes the character U+00NN. A client that decodes the JSON gets a string whose
 * length is the number of bytes and whose ISO-8859-1 encoding gives back the bytes exactly,
 * whatever they are (text in any encoding, invalid UTF-8, binary), so paging with
 * {@code offset += len(data)} neither loses nor repeats a byte. The output is UTF-8 JSON.
 */
public final class Latin1Json {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Latin1Json() {
    }

    /** Appends {@code bytes[from, from+count)} to {@code out}, escaped for a JSON string (quotes not included). */
    public static Buffer append(byte[] bytes, int from, int count, Buffer out) {
        for (int i = from; i < from + count; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '"' -> out.appendByte((byte) '\\').appendByte((byte) '"');
                case '\\' -> out.appendByte((byte) '\\').appendByte((byte) '\\');
                case '\n' -> out.appendByte((byte) '\\').appendByte((byte) 'n');
                case '\r' -> out.appendByte((byte) '\\').appendByte((byte) 'r');
                case '\t' -> out.appendByte((byte) '\\').appendByte((byte) 't');
                default -> {
                    if (b < 0x20 || b == 0x7f) {
                        out.appendByte((byte) '\\').appendByte((byte) 'u').appendByte((byte) '0')
                                .appendByte((byte) '0').appendByte(HEX[b >> 4]).appendByte(HEX[b & 0xf]);
                    } else if (b < 0x80) {
                        out.appendByte((byte) b);
                    } else {
                        out.appendByte((byte) (0xc0 | (b >> 6))).appendByte((byte) (0x80 | (b & 0x3f)));
                    }
                }
            }
        }
        return out;
    }
}
