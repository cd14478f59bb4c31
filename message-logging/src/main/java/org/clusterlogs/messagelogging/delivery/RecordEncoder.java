package org.clusterlogs.messagelogging.delivery;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Writes a batch of records — each one's header (its {@link RecordFormat}), message and
 * {@link Framer framing} — as UTF-8 into one buffer that the writer thread reuses from batch to
 * batch, so delivering a record makes no strings or arrays of its own: a busy service's young
 * collections stay as they are without a policy. A sink sends the buffer's bytes and then
 * {@link #reset resets} it.
 *
 * <p>Owned by one sink, used only by its destination's writer thread.
 */
public final class RecordEncoder {

    private static final int INITIAL_BYTES = 64 * 1024;
    /** A batch of records larger than this (a few huge messages) gets a buffer of its own, dropped afterwards. */
    private static final int KEPT_BYTES = 1024 * 1024;
    private static final int KEPT_CHARS = 64 * 1024;

    private final Framer framer;
    private StringBuilder text = new StringBuilder(512);
    private ByteBuf buffer = Unpooled.buffer(INITIAL_BYTES);

    public RecordEncoder(Framer framer) {
        this.framer = framer;
    }

    /** Appends one framed record to the buffer; returns how many bytes it took. */
    public int append(QueuedRecord record) {
        text.setLength(0);
        record.format().appendTo(text, record.timestampMillis(), record.message());
        int start = buffer.writerIndex();
        framer.frame(text, buffer);
        if (text.capacity() > KEPT_CHARS) {
            text = new StringBuilder(512);
        }
        return buffer.writerIndex() - start;
    }

    /** The bytes appended since the last reset, from its reader index on. */
    public ByteBuf buffer() {
        return buffer;
    }

    /** Takes back the bytes appended after {@code writerIndex} (a record the transport cannot carry). */
    public void truncate(int writerIndex) {
        buffer.writerIndex(writerIndex);
    }

    /** Empties the buffer once its bytes were sent; one that a large batch grew is let go. */
    public void reset() {
        if (buffer.capacity() > KEPT_BYTES) {
            buffer = Unpooled.buffer(INITIAL_BYTES);
        } else {
            buffer.clear();
        }
    }

    /**
     * Starts a new buffer without touching the old one: after a failed or timed-out write the
     * transport may still read it, so it is left to the garbage collector rather than refilled.
     */
    public void abandon() {
        buffer = Unpooled.buffer(INITIAL_BYTES);
    }
}
