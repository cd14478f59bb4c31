package org.clusterlogs.logs.read;

import io.netty.channel.DefaultFileRegion;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends bytes of an already opened file as a response body. The file is never opened again by
 * path (a path could lead elsewhere by then): on a plain HTTP/1.1 connection its channel goes
 * to the socket with {@code sendfile} (zero-copy, through Netty's file region); elsewhere (TLS,
 * HTTP/2) it is copied in chunks, waiting for the client to drain each one.
 */
@ApplicationScoped
public class FileSender {

    private static final Logger LOG = Logger.getLogger(FileSender.class);
    private static final int CHUNK = 64 * 1024;

    /**
     * Sends the whole file as it is now (its size now is the Content-Length) and ends the
     * response; the channel is closed when the bytes are out or the client has gone. Call from
     * a worker thread: the copying fallback blocks while the client drains.
     */
    public void send(RoutingContext rc, FileChannel channel) {
        HttpServerResponse response = rc.response();
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            closeQuietly(channel);
            rc.fail(e);
            return;
        }
        response.putHeader("Content-Length", Long.toString(size));
        ConnectionBase direct = zeroCopyConnection(rc);
        if (direct != null) {
            response.write(Buffer.buffer()); // the head goes first, in order with the region
            direct.writeToChannel(new DefaultFileRegion(channel, 0, size), done -> {
                if (done.isSuccess()) {
                    response.end();
                } else {
                    response.reset();
                }
            });
            return;
        }
        copy(response, channel, size);
    }

    /** The connection when it can take a file region: HTTP/1.x without TLS. */
    private static ConnectionBase zeroCopyConnection(RoutingContext rc) {
        HttpConnection connection = rc.request().connection();
        if (rc.request().version() == HttpVersion.HTTP_2 || !(connection instanceof ConnectionBase base)
                || base.isSsl()) {
            return null;
        }
        return base;
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
                chunk.flip();
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

    private static void awaitDrain(HttpServerResponse response) {
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
