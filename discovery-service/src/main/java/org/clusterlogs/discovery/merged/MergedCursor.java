package org.clusterlogs.discovery.merged;

import org.clusterlogs.common.problem.ProblemException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The merged stream's SSE {@code id}: every source's last cursor in one opaque string, so that
 * {@code Last-Event-ID} resumes each of them right after its last entry.
 *
 * <p>Format: {@code m1.} + base64url (no padding) of a zlib-deflated body: a varint count, then
 * per source the first 8 bytes of SHA-256 of its task id (a fixed 8 bytes however long the id;
 * two task ids of one stream colliding is a 2<sup>-64</sup> event) and its cursor as a varint
 * length and UTF-8 bytes. zlib's Adler-32 and a strict parse (every byte used, nothing left)
 * turn a changed or cut id into 400 {@code BadCursor} rather than a silent wrong position. The id
 * is not a secret and not signed: it only positions reads the caller's token is checked for
 * anyway. 50 sources with file cursors (byte offsets) take well under 1 KiB; see
 * {@link #MAX_ENCODED_LENGTH} for the bound the route enforces.
 */
public final class MergedCursor {

    /** What starts every merged id. */
    public static final String PREFIX = "m1.";
    /** The longest id this service writes or reads: well below the 8 KiB a request header line may take. */
    public static final int MAX_ENCODED_LENGTH = 6 * 1024;

    private final Map<Long, String> cursors;

    private MergedCursor(Map<Long, String> cursors) {
        this.cursors = cursors;
    }

    /** A merged cursor of nothing: every source starts where the request says. */
    public static MergedCursor empty() {
        return new MergedCursor(Map.of());
    }

    /** Whether {@code value} looks like a merged id (rather than {@code BEG}, {@code END}). */
    public static boolean isMerged(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The last cursor of the task with this id, or null when the id holds none for it. */
    public String cursorOf(String taskId) {
        return cursors.get(key(taskId));
    }

    public int size() {
        return cursors.size();
    }

    /** The id for {@code cursors} (task id → that source's last cursor), in the map's order. */
    public static String encode(Map<String, String> cursors) {
        Map<Long, String> byKey = new LinkedHashMap<>();
        cursors.forEach((task, cursor) -> byKey.put(key(task), cursor));
        return encodeByKey(byKey);
    }

    /**
     * The id for {@code cursors} by {@link #key(String) key}: what a follow that writes an id per
     * entry keeps, so that no task id is hashed again per entry.
     */
    public static String encodeByKey(Map<Long, String> cursors) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(cursors.size() * 24 + 4);
        varint(raw, cursors.size());
        cursors.forEach((key, cursor) -> {
            raw.writeBytes(ByteBuffer.allocate(8).putLong(key).array());
            byte[] bytes = cursor.getBytes(StandardCharsets.UTF_8);
            varint(raw, bytes.length);
            raw.writeBytes(bytes);
        });
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw.toByteArray());
            deflater.finish();
            ByteArrayOutputStream packed = new ByteArrayOutputStream(raw.size() / 2 + 16);
            byte[] chunk = new byte[1024];
            while (!deflater.finished()) {
                packed.write(chunk, 0, deflater.deflate(chunk));
            }
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(packed.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /**
     * The cursors of a merged id.
     *
     * @throws ProblemException 400 {@code BadCursor} for anything this class did not write
     */
    public static MergedCursor decode(String id) {
        if (!isMerged(id) || id.length() > MAX_ENCODED_LENGTH) {
            throw bad("is not a merged stream's id (m1.…, at most " + MAX_ENCODED_LENGTH + " characters)");
        }
        byte[] packed;
        try {
            packed = Base64.getUrlDecoder().decode(id.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw bad("is not base64url");
        }
        ByteBuffer in = ByteBuffer.wrap(inflate(packed));
        try {
            int count = varint(in);
            Map<Long, String> cursors = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                long key = in.getLong();
                int length = varint(in);
                if (length > in.remaining()) {
                    throw bad("is cut short");
                }
                byte[] cursor = new byte[length];
                in.get(cursor);
                cursors.put(key, new String(cursor, StandardCharsets.UTF_8));
            }
            if (in.hasRemaining()) {
                throw bad("has bytes after its last cursor");
            }
            return new MergedCursor(cursors);
        } catch (java.nio.BufferUnderflowException e) {
            throw bad("is cut short");
        }
    }

    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length * 3);
            byte[] chunk = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw bad("is cut short");
                }
                out.write(chunk, 0, n);
                if (out.size() > 64 * MAX_ENCODED_LENGTH) {
                    throw bad("is too large");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw bad("has bytes after its end");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw bad("does not decode (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    /** The 8-byte key of a task id in an id. */
    public static long key(String taskId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(taskId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int varint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw bad("holds a negative count");
                }
                return value;
            }
        }
        throw bad("holds a number that is too long");
    }

    private static ProblemException bad(String why) {
        return new ProblemException(400, "BadCursor", "the merged cursor (cursor or Last-Event-ID) " + why
                + "; send back an id this stream gave, or BEG or END");
    }
}
