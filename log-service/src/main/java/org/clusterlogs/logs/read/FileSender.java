package org.clusterlogs.logs.read;

import io.netty.channel.DefaultFileRegion;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.logs.source.UnchangedBytes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Sends bytes of an already opened file as a response body. The file is never opened again by
 * path (a path could lead elsewhere by then): on a plain HTTP/1.x connection its channel goes
 * to the socket with {@code sendfile} (zero-copy, through Netty's file region); elsewhere (TLS,
 * HTTP/2) a download is copied in chunks, waiting for the client to drain each one.
 */
@ApplicationScoped
public class FileSender {

    private static final Logger LOG = Logger.getLogger(FileSender.class);
    private static final int CHUNK = 64 * 1024;
    private static final Buffer NEWLINE = Buffer.buffer("\n");

    /**
     * The way to send file bytes to this request's client without copying them, or null when
     * the connection cannot take a file region (TLS, HTTP/2).
     */
    public Link link(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (request.version() == HttpVersion.HTTP_2 || !(connection instanceof ConnectionBase base)
                || base.isSsl()) {
            return null;
        }
        return new Link(base, request.response());
    }

    /** Sends file bytes on one connection with {@code sendfile}. */
    public static final class Link {
        private final ConnectionBase connection;
        private final HttpServerResponse response;

        private Link(ConnectionBase connection, HttpServerResponse response) {
            this.connection = connection;
            this.response = response;
        }

        /**
         * Sends {@code bytes} as the whole body (their length is the Content-Length; the headers
         * set so far go first) and ends the response; the file is closed when the bytes are out or
         * the client has gone. {@code done} learns whether everything went out.
         */
        public void send(UnchangedBytes bytes, Consumer<Boolean> done) {
            response.putHeader("Content-Length", Long.toString(bytes.length()));
            response.write(Buffer.buffer()); // the head goes first, in order with the region
            DefaultFileRegion region = new DefaultFileRegion(bytes.channel(), bytes.from(), bytes.to() - bytes.from());
            connection.writeToChannel(region, sent -> {
                if (!sent.isSuccess()) {
                    response.reset();
                    done.accept(false);
                    return;
                }
                if (bytes.newlineAfter()) {
                    response.write(NEWLINE);
                }
                response.end();
                done.accept(true);
            });
        }
    }

    /**
     * Sends the whole file as it is now and ends the response; the channel is closed when the
     * bytes are out or the client has gone. Call from a worker thread: the copying fallback
     * blocks while the client drains.
     */
    public void send(RoutingContext rc, FileChannel channel) {
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            closeQuietly(channel);
            rc.fail(e);
            return;
        }
        Link link = link(rc.request());
        if (link != null) {
            link.send(new UnchangedBytes(channel, 0, size, false), sent -> { });
            return;
        }
        HttpServerResponse response = rc.response();
        response.putHeader("Content-Length", Long.toString(size));
        copy(response, channel, size);
    }

    private static void copy(HttpServerResponse response, FileChannel channel, long size) {
        try (channel) {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            long offset = 0;
            while (offset < size && !response.closed()) {
                chunk.clear().limit((int) Math.min(CHUNK, size - offset));
                int n = channel.read(chunk, offset);
                if (n <= 0) {
                    break; // truncated meanwhile: the client sees a short body
                }
                offset += n;
                response.write(Buffer.buffer(n).appendBytes(chunk.array(), 0, n));
                awaitDrain(response);
            }
            if (offset == size) {
                response.end();
            } else {
                response.reset();
            }
        } catch (IOException e) {
            LOG.debug("sending a file failed", e);
            response.reset();
        }
    }

    /**
     * Blocks (a worker thread) until the response's write queue has room again or the client
     * has gone: what bounds the memory of a response written in chunks.
     */
    public static void awaitDrain(HttpServerResponse response) {
        if (!response.writeQueueFull()) {
            return;
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        response.drainHandler(v -> drained.complete(null));
        response.closeHandler(v -> drained.complete(null));
        if (!response.writeQueueFull()) {
            return;
        }
        try {
            drained.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // completed normally only
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a file failed", e);
        }
    }
}
