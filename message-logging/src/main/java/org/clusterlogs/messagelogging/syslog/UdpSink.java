package org.clusterlogs.messagelogging.syslog;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.netty.buffer.ByteBuf;
import org.clusterlogs.messagelogging.delivery.Framer;
import org.clusterlogs.messagelogging.delivery.QueuedRecord;
import org.clusterlogs.messagelogging.delivery.RecordEncoder;
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
    private final RecordEncoder encoder = new RecordEncoder(Framer.NONE);
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
        encoder.reset();
        ByteBuf bytes = encoder.buffer();
        int[] ends = new int[batch.size()];
        int count = 0;
        for (QueuedRecord record : batch) {
            int start = bytes.writerIndex();
            if (encoder.append(record) <= MAX_DATAGRAM) {
                ends[count++] = bytes.writerIndex();
            } else {
                encoder.truncate(start);
            }
        }
        List<Future<Void>> sends = new ArrayList<>(count);
        for (int i = 0, start = 0; i < count; start = ends[i++]) {
            sends.add(socket.send(Buffer.buffer(bytes.slice(start, ends[i] - start)), endpoint.port(), endpoint.host()));
        }
        VertxAwait.await(Future.all(sends), timeout);
        return count;
    }

    @Override
    public void close() {
        encoder.abandon(); // a send that failed or timed out may still be reading it
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
