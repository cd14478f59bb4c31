package org.clusterlogs.logs.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw SSE client over a real socket: keeps every byte it received and splits it into
 * events ({@code id}/{@code data}) and comments ({@code : ping}).
 */
public final class SseClient implements AutoCloseable {

    /** One SSE block: an event ({@code id}, {@code data}) or a comment. */
    public record Block(String id, String data, String comment, String raw) {
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Block> blocks = new LinkedBlockingQueue<>();
    private final StringBuilder raw = new StringBuilder();
    private final Thread reader;
    /** Set when the body ended as a finished response does (not reset, not closed by the test). */
    private volatile boolean endedCleanly;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::readLoop, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(String url, String lastEventId) {
        return open(url, lastEventId, null);
    }

    /** With an {@code Authorization} header, when {@code authorization} is not null. */
    public static SseClient open(String url, String lastEventId, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new SseClient(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The next {@code count} events (comments skipped), waiting up to {@code timeout} in all. */
    public List<Block> events(int count, Duration timeout) throws InterruptedException {
        List<Block> events = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            Block b = blocks.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (b == null) {
                throw new AssertionError("got " + events.size() + " of " + count + " events: " + events);
            }
            if (b.comment() == null) {
                events.add(b);
            }
        }
        return events;
    }

    /** The next block of any kind, or null. */
    public Block next(Duration timeout) throws InterruptedException {
        return blocks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Events that arrive within {@code quiet}; an empty list when none did. */
    public List<Block> eventsWithin(Duration quiet) throws InterruptedException {
        List<Block> events = new ArrayList<>();
        long deadline = System.nanoTime() + quiet.toNanos();
        Block b;
        while ((b = blocks.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (b.comment() == null) {
                events.add(b);
            }
        }
        return events;
    }

    /** Whether the server ended the body cleanly within {@code timeout}. */
    public boolean endsWithin(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
        return endedCleanly;
    }

    public synchronized String raw() {
        return raw.toString();
    }

    private void readLoop() {
        try (InputStream in = response.body()) {
            StringBuilder block = new StringBuilder();
            byte[] buf = new byte[8192];
            int n;
            StringBuilder pending = new StringBuilder();
            while ((n = in.read(buf)) > 0) {
                String s = new String(buf, 0, n, StandardCharsets.UTF_8);
                synchronized (this) {
                    raw.append(s);
                }
                pending.append(s);
                int end;
                while ((end = pending.indexOf("\n\n")) >= 0) {
                    block.setLength(0);
                    block.append(pending, 0, end + 2);
                    pending.delete(0, end + 2);
                    blocks.add(parse(block.toString()));
                }
            }
            endedCleanly = true;
        } catch (IOException e) {
            // closed by the test
        }
    }

    private static Block parse(String text) {
        String id = null;
        String data = null;
        String comment = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("data: ")) {
                data = line.substring(6);
            } else if (line.startsWith(":")) {
                comment = line;
            }
        }
        return new Block(id, data, comment, text);
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
        reader.interrupt();
    }
}
