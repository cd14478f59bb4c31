package org.clusterlogs.messagelogging.delivery;

import java.nio.charset.StandardCharsets;

/**
 * Delimits records on the wire. LF framing keeps one record on one line by sending an LF inside
 * a record as the two characters {@code \n}, because every LF-framing receiver (and any file
 * reader) would otherwise see two records; octet counting needs no escaping.
 */
public enum Framer {
    /** One record per datagram: nothing added, nothing escaped. */
    NONE {
        @Override
        public byte[] frame(String record) {
            return record.getBytes(StandardCharsets.UTF_8);
        }
    },
    /** The record, embedded LFs escaped, then LF. */
    LF {
        @Override
        public byte[] frame(String record) {
            String line = record.indexOf('\n') < 0 ? record : record.replace("\n", "\\n");
            byte[] text = line.getBytes(StandardCharsets.UTF_8);
            byte[] framed = new byte[text.length + 1];
            System.arraycopy(text, 0, framed, 0, text.length);
            framed[text.length] = '\n';
            return framed;
        }
    },
    /** RFC 6587 octet counting: the record's length in bytes, a space, the record unchanged. */
    OCTET_COUNTING {
        @Override
        public byte[] frame(String record) {
            byte[] text = record.getBytes(StandardCharsets.UTF_8);
            byte[] length = (text.length + " ").getBytes(StandardCharsets.US_ASCII);
            byte[] framed = new byte[length.length + text.length];
            System.arraycopy(length, 0, framed, 0, length.length);
            System.arraycopy(text, 0, framed, length.length, text.length);
            return framed;
        }
    };

    public abstract byte[] frame(String record);
}
