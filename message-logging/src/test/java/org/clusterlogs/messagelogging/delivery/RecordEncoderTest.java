package org.clusterlogs.messagelogging.delivery;

import io.netty.buffer.ByteBufUtil;
import org.clusterlogs.messagelogging.policy.LogLevel;
import org.clusterlogs.messagelogging.syslog.SyslogHeader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch's records encoded one after the other into the writer's reused buffer. */
class RecordEncoderTest {

    private static final long WHEN = Instant.parse("2023-03-20T09:24:39.039Z").toEpochMilli();

    private static String contents(RecordEncoder encoder) {
        return encoder.buffer().toString(StandardCharsets.UTF_8);
    }

    @Test
    void recordsFollowEachOtherWithTheirHeadersAndFraming() {
        RecordFormat header = new SyslogHeader(LogLevel.WARN, "HH:mm:ss.SSS", TimeZone.getTimeZone("UTC"), "h", "app");
        RecordEncoder encoder = new RecordEncoder(Framer.OCTET_COUNTING);
        assertEquals(36, encoder.append(new QueuedRecord(WHEN, "é", header)), "\"33 \" and 33 bytes (é is two)");
        encoder.append(new QueuedRecord(WHEN + 1, "two\nlines", header));
        encoder.append(new QueuedRecord(WHEN, "", RecordFormat.PLAIN));
        assertEquals("33 <12>1 09:24:39.039 h app - - - é"
                + "40 <12>1 09:24:39.040 h app - - - two\nlines"
                + "0 ", contents(encoder));
    }

    @Test
    void eachRecordIsAppendedExactlyAsFramedAlone() {
        String[] messages = {"plain", "a\nb\n", "\n", "ü€𝄞 wide", "x".repeat(10_000)};
        for (Framer framer : Framer.values()) {
            RecordEncoder encoder = new RecordEncoder(framer);
            StringBuilder expected = new StringBuilder();
            for (String message : messages) {
                int length = encoder.append(new QueuedRecord(0, message, RecordFormat.PLAIN));
                byte[] alone = framer.frame(message);
                assertEquals(alone.length, length, framer + ": " + message);
                expected.append(new String(alone, StandardCharsets.UTF_8));
            }
            assertEquals(expected.toString(), contents(encoder), framer.name());
        }
    }

    @Test
    void resetEmptiesTheBufferAndLetsAGrownOneGo() {
        RecordEncoder encoder = new RecordEncoder(Framer.LF);
        encoder.append(new QueuedRecord(0, "y".repeat(3 * 1024 * 1024), RecordFormat.PLAIN));
        assertTrue(encoder.buffer().capacity() > 3 * 1024 * 1024);
        encoder.reset();
        assertEquals(0, encoder.buffer().readableBytes());
        assertTrue(encoder.buffer().capacity() <= 1024 * 1024, "a huge record does not keep its memory");
        encoder.append(new QueuedRecord(0, "after", RecordFormat.PLAIN));
        assertEquals("after\n", contents(encoder));
    }

    @Test
    void truncateTakesBackTheLastRecord() {
        RecordEncoder encoder = new RecordEncoder(Framer.NONE);
        encoder.append(new QueuedRecord(0, "kept", RecordFormat.PLAIN));
        int mark = encoder.buffer().writerIndex();
        encoder.append(new QueuedRecord(0, "taken back", RecordFormat.PLAIN));
        encoder.truncate(mark);
        encoder.append(new QueuedRecord(0, "+next", RecordFormat.PLAIN));
        assertEquals("kept+next", contents(encoder));
        assertEquals("kept+next", new String(ByteBufUtil.getBytes(encoder.buffer()), StandardCharsets.UTF_8));
    }
}
