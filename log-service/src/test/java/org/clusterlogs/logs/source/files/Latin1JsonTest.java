package org.clusterlogs.logs.source.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class Latin1JsonTest {

    private static String decode(byte[] bytes) throws Exception {
        Buffer json = Buffer.buffer("\"");
        Latin1Json.append(bytes, 0, bytes.length, json).appendString("\"");
        // strict UTF-8 JSON parse, as any client does
        return new ObjectMapper().readValue(json.getBytes(), String.class);
    }

    @Test
    void everyByteValueComesBackAsOneCharacter() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String data = decode(all);
        assertEquals(256, data.length());
        assertArrayEquals(all, data.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void utf8TextAndInvalidBytesKeepTheirByteCount() throws Exception {
        byte[] text = "grüße \"x\" \\ 日本\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        System.arraycopy(text, 0, bytes, 0, text.length);
        bytes[text.length] = (byte) 0xff;
        bytes[text.length + 1] = (byte) 0xc3; // a cut UTF-8 sequence
        bytes[text.length + 2] = 0;
        String data = decode(bytes);
        assertEquals(bytes.length, data.length());
        assertArrayEquals(bytes, data.getBytes(StandardCharsets.ISO_8859_1));
        // a client gets its text back by re-encoding
        assertEquals("grüße \"x\" \\ 日本\n",
                new String(data.getBytes(StandardCharsets.ISO_8859_1), 0, text.length, StandardCharsets.UTF_8));
    }

    @Test
    void onlyThePartAskedForIsWritten() {
        byte[] bytes = "abcdef".getBytes(StandardCharsets.US_ASCII);
        assertEquals("cd", Latin1Json.append(bytes, 2, 2, Buffer.buffer()).toString());
    }
}
