package org.clusterlogs.messagelogging.syslog;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import org.clusterlogs.messagelogging.delivery.Framer;
import org.clusterlogs.messagelogging.delivery.QueuedRecord;
import org.clusterlogs.messagelogging.delivery.Sink;
import org.clusterlogs.messagelogging.policy.Framing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Syslog over TCP, or TLS when the endpoint has {@code SSLInfo}: one Vert.x connection, opened on
 * the first batch and again after it was lost (the host name is resolved on every connection, so
 * a moved syslog server is found again). A batch is written as one buffer and awaited, which is
 * the back-pressure: the writer never has more than one batch in flight.
 */
public final class TcpSink implements Sink {

    private final Vertx vertx;
    private final SyslogEndpoint endpoint;
    private final NetClientOptions options;
    private final Framer framer;
    private final Duration timeout;
    private NetClient client;
    private NetSocket socket;
    private volatile boolean lost;

    /**
     * @param options the connection's options: timeouts, and TLS as {@link TlsOptions} made them
     * @param timeout how long one connect or one write may take before the connection counts as lost
     */
    public TcpSink(Vertx vertx, SyslogEndpoint endpoint, NetClientOptions options, Duration timeout) {
        this.vertx = vertx;
        this.endpoint = endpoint;
        this.options = new NetClientOptions(options).setConnectTimeout((int) timeout.toMillis());
        this.framer = endpoint.framing() == Framing.OCTET_COUNTING ? Framer.OCTET_COUNTING : Framer.LF;
        this.timeout = timeout;
    }

    @Override
    public int deliver(List<QueuedRecord> batch) throws Exception {
        if (socket == null || lost) {
            connect();
        }
        Buffer buffer = Buffer.buffer(batch.size() * 128);
        for (QueuedRecord record : batch) {
            buffer.appendBytes(framer.frame(record.format().format(record.timestampMillis(), record.message())));
        }
        VertxAwait.await(socket.write(buffer), timeout);
        if (lost) {
            // the peer went away while the batch was written: it may not have arrived
            throw new IOException("connection to " + endpoint.id() + " lost");
        }
        return batch.size();
    }

    private void connect() throws Exception {
        close();
        lost = false;
        client = vertx.createNetClient(options);
        String serverName = endpoint.ssl().flatMap(s -> s.commonName()).orElse(endpoint.host());
        NetSocket connected = VertxAwait.await(
                client.connect(SocketAddress.inetSocketAddress(endpoint.port(), endpoint.host()), serverName), timeout);
        connected.closeHandler(v -> lost = true);
        connected.exceptionHandler(e -> lost = true);
        // a syslog server sends nothing; anything it does send is read and ignored so its buffer never fills
        connected.handler(data -> { });
        socket = connected;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
