package org.clusterlogs.messagelogging;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import org.clusterlogs.messagelogging.delivery.Destination;
import org.clusterlogs.messagelogging.delivery.RecordFormat;
import org.clusterlogs.messagelogging.delivery.Sink;
import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.file.RotatingFileSink;
import org.clusterlogs.messagelogging.policy.FileTarget;
import org.clusterlogs.messagelogging.policy.MessageLoggingPolicy;
import org.clusterlogs.messagelogging.policy.SyslogProtocol;
import org.clusterlogs.messagelogging.syslog.SyslogEndpoint;
import org.clusterlogs.messagelogging.syslog.TcpSink;
import org.clusterlogs.messagelogging.syslog.TlsOptions;
import org.clusterlogs.messagelogging.syslog.UdpSink;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The data plane of one service: turns valid policies into {@link DeployedPolicy deployed} ones and
 * owns their destinations. Destinations are shared: policies sending to the same syslog endpoint,
 * or writing the same file, use one queue, one writer and one connection or file handle, so a
 * new revision deployed before the old one is undeployed keeps the queue (and its order) intact.
 * A destination is closed — flushed, within the close timeout — when its last policy is undeployed.
 *
 * <pre>{@code
 * MessageLoggingRuntime runtime = new MessageLoggingRuntime(vertx, registry, settings, Clock.systemUTC());
 * DeployedPolicy deployed = runtime.deploy(policy, new FileScope("clusterlogs", "prod", "log-service", 3, policy.name()));
 * deployed.execute(FlowContext.builder().set("request.verb", "GET").build());   // after each response
 * deployed.undeploy();
 * runtime.close();
 * }</pre>
 */
public final class MessageLoggingRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MessageLoggingRuntime.class);

    private final Vertx vertx;
    private final MeterRegistry registry;
    private final MessageLoggingSettings settings;
    private final Clock clock;
    private final Map<Object, Shared> destinations = new HashMap<>();
    private boolean closed;

    /**
     * @param vertx    the service's Vert.x: syslog sockets run on its event loops
     * @param registry where each destination's meters go (the service's Prometheus registry)
     * @param settings the {@code messagelogging.*} configuration
     * @param clock    header timestamps, rotation times, the overflow warning's rate (a fixed clock in tests)
     */
    public MessageLoggingRuntime(Vertx vertx, MeterRegistry registry, MessageLoggingSettings settings, Clock clock) {
        this.vertx = vertx;
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    public MessageLoggingSettings settings() {
        return settings;
    }

    /**
     * Starts running a policy: opens (or shares) its destinations. Connections and files are opened
     * by the writers, not here, so deploying never waits for a syslog server.
     *
     * @param scope names the policy's files in the prefixed and nested layouts
     */
    public synchronized DeployedPolicy deploy(MessageLoggingPolicy policy, FileScope scope) {
        if (closed) {
            throw new IllegalStateException("the message logging runtime is closed");
        }
        List<DeployedPolicy.Target> targets = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        policy.syslog().ifPresent(syslog -> {
            SyslogEndpoint endpoint = SyslogEndpoint.of(syslog);
            keys.add(endpoint);
            targets.add(new DeployedPolicy.Target(syslog.message(), acquire(endpoint, endpoint.id(), () -> syslogSink(endpoint)),
                    DeployedPolicy.syslogFormat(syslog, policy.logLevel(), settings)));
        });
        policy.file().ifPresent(file -> {
            Path path = settings.filePath(scope, file.fileName());
            keys.add(path);
            targets.add(new DeployedPolicy.Target(file.message(), acquire(path, "file:" + path, () -> fileSink(path, file)),
                    () -> RecordFormat.PLAIN));
        });
        return new DeployedPolicy(policy, targets, clock, () -> keys.forEach(this::release));
    }

    private Sink syslogSink(SyslogEndpoint endpoint) {
        return endpoint.protocol() == SyslogProtocol.UDP
                ? new UdpSink(vertx, endpoint, settings.ioTimeout())
                : new TcpSink(vertx, endpoint, TlsOptions.of(endpoint.ssl(), settings.tlsDir()), settings.ioTimeout());
    }

    private Sink fileSink(Path path, FileTarget file) {
        return new RotatingFileSink(path, file.rotation(), clock);
    }

    private Destination acquire(Object key, String id, Supplier<Sink> sink) {
        Shared shared = destinations.computeIfAbsent(key,
                k -> new Shared(new Destination(id, sink.get(), settings.queueSettings(), registry, clock)));
        shared.users++;
        if (shared.users > 1) {
            LOG.debugf("message logging destination %s shared by %d deployed policies", id, shared.users);
        }
        return shared.destination;
    }

    private synchronized void release(Object key) {
        Shared shared = destinations.get(key);
        if (shared != null && --shared.users == 0) {
            destinations.remove(key);
            shared.destination.close();
        }
    }

    /** The destinations open now, by id: for tests and diagnostics. */
    public synchronized List<Destination> destinations() {
        return destinations.values().stream().map(s -> s.destination).toList();
    }

    /** Closes every destination, each flushing what it holds within the close timeout. */
    @Override
    public synchronized void close() {
        closed = true;
        destinations.values().forEach(s -> s.destination.close());
        destinations.clear();
    }

    private static final class Shared {
        private final Destination destination;
        private int users;

        Shared(Destination destination) {
            this.destination = destination;
        }
    }
}
