package org.clusterlogs.logs.source;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LineBufferTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int n, char c) {
        return bytes(String.valueOf(c).repeat(n));
    }

    /** Empty now, and collects from scratch again. */
    private static void assertStartsOver(LineBuffer buffer) {
        assertEquals(0, buffer.length());
        buffer.append(bytes("-again-"), 1, 5);
        assertArrayEquals(bytes("again"), buffer.take());
    }

    @Test
    void emptyBuffer() {
        LineBuffer buffer = new LineBuffer(64);
        assertEquals(0, buffer.length());
        assertArrayEquals(new byte[0], buffer.take());
        assertArrayEquals(bytes("ab"), buffer.takeWith(bytes("xaby"), 1, 2));
        assertEquals(0, buffer.length());
    }

    @Test
    void smallInitialCapacityIsRaised() {
        assertEquals(16, new LineBuffer(0).capacity());
        assertEquals(16, new LineBuffer(3).capacity());
        assertEquals(256, new LineBuffer(256).capacity());
    }

    @Test
    void appendGrowsByDoublingOrToWhatIsNeeded() {
        LineBuffer buffer = new LineBuffer(16);
        buffer.append(bytes("0123456789"), 0, 10);
        assertEquals(16, buffer.capacity());
        buffer.append(bytes("--abcdefghij--"), 2, 10);
        assertEquals(20, buffer.length());
        assertEquals(32, buffer.capacity(), "doubled");
        buffer.append(filled(100, 'z'), 0, 100);
        assertEquals(120, buffer.capacity(), "grown to what is needed when doubling is not enough");
        assertArrayEquals(bytes("0123456789abcdefghij" + "z".repeat(100)), buffer.take());
        assertEquals(0, buffer.length());
    }

    @Test
    void takeWithAddsTheRestAndLeavesNothingPending() {
        LineBuffer buffer = new LineBuffer(16);
        buffer.append(bytes("start "), 0, 6);
        assertArrayEquals(bytes("start end"), buffer.takeWith(bytes("[end]"), 1, 3));
        assertStartsOver(buffer);
    }

    @Test
    void clearDropsWhatWasCollected() {
        LineBuffer buffer = new LineBuffer(16);
        buffer.append(filled(40, 'a'), 0, 40);
        int capacity = buffer.capacity();
        buffer.clear();
        assertEquals(capacity, buffer.capacity());
        assertStartsOver(buffer);
    }

    @Test
    void takeShrinksOnlyAfterALineLongerThanTheLimit() {
        LineBuffer buffer = new LineBuffer(256);
        buffer.append(filled(LineBuffer.KEEP_AT_MOST, 'x'), 0, LineBuffer.KEEP_AT_MOST);
        assertEquals(LineBuffer.KEEP_AT_MOST, buffer.capacity());
        assertEquals(LineBuffer.KEEP_AT_MOST, buffer.take().length);
        assertEquals(LineBuffer.KEEP_AT_MOST, buffer.capacity(), "a buffer at the limit is kept");

        buffer.append(filled(LineBuffer.KEEP_AT_MOST, 'x'), 0, LineBuffer.KEEP_AT_MOST);
        buffer.append(bytes("y"), 0, 1);
        assertEquals(2 * LineBuffer.KEEP_AT_MOST, buffer.capacity());
        byte[] line = buffer.take();
        assertEquals(LineBuffer.KEEP_AT_MOST + 1, line.length);
        assertEquals('y', line[LineBuffer.KEEP_AT_MOST]);
        assertEquals(256, buffer.capacity(), "back to the initial capacity");
        assertStartsOver(buffer);
    }

    @Test
    void takeWithDoesNotShrink() {
        LineBuffer buffer = new LineBuffer(16);
        buffer.append(filled(LineBuffer.KEEP_AT_MOST + 1, 'x'), 0, LineBuffer.KEEP_AT_MOST + 1);
        int capacity = buffer.capacity();
        assertEquals(LineBuffer.KEEP_AT_MOST + 2, buffer.takeWith(bytes("!"), 0, 1).length);
        assertEquals(capacity, buffer.capacity());
    }
}
