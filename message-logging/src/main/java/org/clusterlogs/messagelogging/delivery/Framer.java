package org.clusterlogs.messagelogging.delivery;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Delimits records on the wire, writing each record's UTF-8 bytes straight into the writer's
 * buffer. LF framing keeps one record on one line by sending an LF inside a record as the two
 * characters {@code \n}, because every LF-framing receiver (and any file reader) would otherwise
 * see two records; octet counting needs no escaping.
 */
public enum Framer {
    /** One record per datagram: nothing added, nothing escaped. */
    NONE {
        @Override
        public void frame(CharSequence record, ByteBuf out) {
            ByteBufUtil.writeUtf8(out, record);
        }
    },
    /** The record, embedded LFs escaped, then LF. */
    LF {
        @Override
        public void frame(CharSequence record, ByteBuf out) {
            int from = 0;
            for (int i = 0; i < record.length(); i++) {
                if (record.charAt(i) == '\n') {
                    ByteBufUtil.writeUtf8(out, record, from, i);
                    out.writeByte('\\').writeByte('n');
                    from = i + 1;
                }
            }
            ByteBufUtil.writeUtf8(out, record, from, record.length());
            out.writeByte('\n');
        }
    },
    /** RFC 6587 octet counting: the record's length in bytes, a space, the record unchanged. */
    OCTET_COUNTING {
        @Override
        public void frame(CharSequence record, ByteBuf out) {
            writeDecimal(ByteBufUtil.utf8Bytes(record), out);
            out.writeByte(' ');
            ByteBufUtil.writeUtf8(out, record);
        }
    };

    /** Appends the framed record to {@code out}. */
    public abstract void frame(CharSequence record, ByteBuf out);

    /** The framed record on its own (a trace, a test). */
    public byte[] frame(CharSequence record) {
        ByteBuf out = Unpooled.buffer(ByteBufUtil.utf8MaxBytes(record) + 16);
        frame(record, out);
        return ByteBufUtil.getBytes(out);
    }

    /** A non-negative number in ASCII digits, without making a string of it. */
    private static void writeDecimal(int value, ByteBuf out) {
        int power = 1;
        while (power <= value / 10) {
            power *= 10;
        }
        for (; power > 0; power /= 10) {
            out.writeByte('0' + value / power % 10);
        }
    }
}
