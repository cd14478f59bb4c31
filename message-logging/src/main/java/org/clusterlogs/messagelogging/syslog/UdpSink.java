package org.clusterlogs.messagelogging.syslog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import org.clusterlogs.messagelogging.delivery.Framer;
import org.clusterlogs.messagelogging.delivery.QueuedRecord;
import org.clusterlogs.messagelogging.delivery.Sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Syslog over UDP: one datagram per record, no framing and no trailing LF (RFC 5426). A record
 * longer than a datagram can carry is dropped (counted by the destination), never split. UDP has no
 * connection: a send fails only locally (no route, unresolvable host), and the writer retries it.
 */
public final class UdpSink implements Sink {

    /** The largest UDP payload over IPv4. */
    static final int MAX_DATAGRAM = 65_507;

    private final Vertx vertx;
    private final SyslogEndpoint endpoint;
    private final Duration timeout;
    private DatagramSocket socket;

    public UdpSink(Vertx vertx, SyslogEndpoint endpoint, Duration timeout) {
        this.vertx = vertx;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public int deliver(List<QueuedRecord> batch) throws Exception {
        if (socket == null) {
            socket = vertx.createDatagramSocket(new DatagramSocketOptions());
        }
        List<Future<Void>> sends = new ArrayList<>(batch.size());
        for (QueuedRecord record : batch) {
            byte[] datagram = Framer.NONE.frame(record.format().format(record.timestampMillis(), record.message()));
            if (datagram.length <= MAX_DATAGRAM) {
                sends.add(socket.send(Buffer.buffer(datagram), endpoint.port(), endpoint.host()));
            }
        }
        VertxAwait.await(Future.all(sends), timeout);
        return sends.size();
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
