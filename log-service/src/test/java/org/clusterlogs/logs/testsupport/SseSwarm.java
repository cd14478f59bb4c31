package org.clusterlogs.logs.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Many SSE followers on real sockets, served by one selector thread, so hundreds of them cost
 * the test little. Each connection sends one GET, decodes the chunked response and keeps the
 * {@code MESSAGE} of every event it receives, in order.
 */
public final class SseSwarm implements AutoCloseable {

    private static final byte[] MESSAGE_KEY = "\"MESSAGE\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final List<Follower> followers = new ArrayList<>();
    private final Thread loop;
    private volatile boolean closed;

    private SseSwarm(Selector selector) {
        this.selector = selector;
        this.loop = new Thread(this::run, "sse-swarm");
        loop.setDaemon(true);
    }

    /** Connects {@code count} followers to {@code pathAndQuery} on {@code host:port}. */
    public static SseSwarm connect(String host, int port, String pathAndQuery, int count) throws IOException {
        SseSwarm swarm = new SseSwarm(Selector.open());
        byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(host, port));
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            Follower f = new Follower();
            swarm.followers.add(f);
            channel.register(swarm.selector, SelectionKey.OP_READ, f);
        }
        swarm.loop.start();
        return swarm;
    }

    /**
     * Waits until every follower has had {@code count} events, or, with {@code orComment}, a comment
     * (a live stream that pinged), or the time is up.
     */
    public boolean awaitEach(int count, boolean orComment, long timeout, TimeUnit unit) throws InterruptedException {
        return awaitAll(f -> orComment ? f.comments > 0 || count > 0 && f.messages.size() >= count
                : f.messages.size() >= count, timeout, unit);
    }

    /** Waits until every follower's last message is {@code last}, or the time is up. */
    public boolean awaitLast(String last, long timeout, TimeUnit unit) throws InterruptedException {
        return awaitAll(f -> !f.messages.isEmpty() && f.messages.get(f.messages.size() - 1).equals(last),
                timeout, unit);
    }

    private boolean awaitAll(Predicate<Follower> done, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Follower f : followers) {
                synchronized (f) {
                    if (!done.test(f)) {
                        all = false;
                        break;
                    }
                }
            }
            if (all) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** What follower {@code i} received so far. */
    public List<String> messages(int i) {
        Follower f = followers.get(i);
        synchronized (f) {
            return List.copyOf(f.messages);
        }
    }

    public int size() {
        return followers.size();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        try {
            while (!closed) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    buffer.clear();
                    int n = ((SocketChannel) key.channel()).read(buffer);
                    if (n < 0) {
                        key.cancel();
                        continue;
                    }
                    ((Follower) key.attachment()).feed(buffer.array(), n);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (!closed) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }

    /** One connection: the response head, then chunked SSE. */
    private static final class Follower {
        private final StringBuilder head = new StringBuilder();
        private boolean inBody;
        private long chunkLeft = -1; // -1: reading a size line
        private final StringBuilder sizeLine = new StringBuilder();
        private int crlfToSkip;
        private final ByteArrayOutputStream event = new ByteArrayOutputStream();
        private final List<String> messages = new ArrayList<>();
        private int comments;
        private byte last;

        synchronized void feed(byte[] bytes, int n) {
            for (int i = 0; i < n; i++) {
                byte b = bytes[i];
                if (!inBody) {
                    head.append((char) b);
                    if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                        if (!head.toString().startsWith("HTTP/1.1 200")) {
                            throw new IllegalStateException("not a stream: " + head);
                        }
                        inBody = true;
                    }
                } else if (crlfToSkip > 0) {
                    crlfToSkip--;
                } else if (chunkLeft < 0) {
                    if (b == '\n') {
                        chunkLeft = Long.parseLong(sizeLine.toString().trim(), 16);
                        sizeLine.setLength(0);
                        if (chunkLeft == 0) {
                            chunkLeft = -1;
                        }
                    } else {
                        sizeLine.append((char) b);
                    }
                } else {
                    eventByte(b);
                    if (--chunkLeft == 0) {
                        chunkLeft = -1;
                        crlfToSkip = 2;
                    }
                }
            }
        }

        private void eventByte(byte b) {
            event.write(b);
            boolean blankLine = b == '\n' && last == '\n';
            last = b;
            if (blankLine) {
                byte[] e = event.toByteArray();
                if (e[0] == ':') {
                    comments++;
                } else {
                    messages.add(message(e));
                }
                event.reset();
            }
        }

        private static String message(byte[] e) {
            outer:
            for (int i = 0; i + MESSAGE_KEY.length <= e.length; i++) {
                for (int k = 0; k < MESSAGE_KEY.length; k++) {
                    if (e[i + k] != MESSAGE_KEY[k]) {
                        continue outer;
                    }
                }
                int start = i + MESSAGE_KEY.length;
                int end = start;
                while (e[end] != '"') {
                    end++;
                }
                return new String(e, start, end - start, StandardCharsets.UTF_8);
            }
            return new String(e, StandardCharsets.UTF_8);
        }
    }
}
