package org.clusterlogs.messagelogging.syslog;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import org.clusterlogs.messagelogging.delivery.QueuedRecord;
import org.clusterlogs.messagelogging.delivery.RecordEncoder;
import org.clusterlogs.messagelogging.delivery.Sink;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Syslog over TCP, or TLS when the endpoint has {@code SSLInfo}: one Vert.x connection, opened on
 * the first batch and again after it was lost (the host name is resolved on every connection, so
 * a moved syslog server is found again). A batch is encoded into the writer's one reused buffer,
 * written and awaited, which is the back-pressure: the writer never has more than one batch in flight.
 */
public final class TcpSink implements Sink {

    private final Vertx vertx;
    private final SyslogEndpoint endpoint;
    private final NetClientOptions options;
    private final RecordEncoder encoder;
    private final Duration timeout;
    private Connection connection;

    /** One connection and its own lost flag: a late close event of an old connection never marks a new one. */
    private record Connection(NetClient client, NetSocket socket, AtomicBoolean lost) {
        void close() {
            socket.close();
            client.close();
        }
    }

    /**
     * @param options the connection's options: timeouts, and TLS as {@link TlsOptions} made them
     * @param timeout how long one connect or one write may take before the connection counts as lost
     */
    public TcpSink(Vertx vertx, SyslogEndpoint endpoint, NetClientOptions options, Duration timeout) {
        this.vertx = vertx;
        this.endpoint = endpoint;
        this.options = new NetClientOptions(options).setConnectTimeout((int) timeout.toMillis());
        this.encoder = new RecordEncoder(endpoint.framer());
        this.timeout = timeout;
    }

    @Override
    public int deliver(List<QueuedRecord> batch) throws Exception {
        if (connection == null || connection.lost().get()) {
            connect();
        }
        encoder.reset();
        for (QueuedRecord record : batch) {
            encoder.append(record);
        }
        VertxAwait.await(connection.socket().write(Buffer.buffer(encoder.buffer())), timeout);
        if (connection.lost().get()) {
            // the peer went away while the batch was written: it may not have arrived
            throw new IOException("connection to " + endpoint.id() + " lost");
        }
        return batch.size();
    }

    private void connect() throws Exception {
        close();
        NetClient client = vertx.createNetClient(options);
        try {
            NetSocket socket = VertxAwait.await(client.connect(address(), expectedName()), timeout);
            AtomicBoolean lost = new AtomicBoolean();
            socket.closeHandler(v -> lost.set(true));
            socket.exceptionHandler(e -> lost.set(true));
            // a syslog server sends nothing; anything it does send is read and ignored so its buffer never fills
            socket.handler(data -> { });
            connection = new Connection(client, socket, lost);
        } catch (Exception e) {
            client.close();
            throw e;
        }
    }

    /** The name the server's certificate must carry (and the SNI name): SSLInfo's CommonName, else the Host. */
    private String expectedName() {
        return endpoint.ssl().flatMap(s -> s.commonName()).orElse(endpoint.host());
    }

    /**
     * Where to connect. With a CommonName, the Host is resolved here (on the writer thread, never an
     * event loop) and the address carries the CommonName as its host name: Vert.x checks the server's
     * certificate against the address's host name, so this is what makes the CommonName the checked name.
     */
    private SocketAddress address() throws UnknownHostException {
        if (endpoint.ssl().flatMap(s -> s.commonName()).isEmpty()) {
            return SocketAddress.inetSocketAddress(endpoint.port(), endpoint.host());
        }
        InetAddress resolved = InetAddress.getByName(endpoint.host());
        return SocketAddress.inetSocketAddress(new InetSocketAddress(
                InetAddress.getByAddress(expectedName(), resolved.getAddress()), endpoint.port()));
    }

    @Override
    public void close() {
        encoder.abandon(); // a write that failed or timed out may still be reading it
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
