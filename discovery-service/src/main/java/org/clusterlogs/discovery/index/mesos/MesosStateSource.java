package org.clusterlogs.discovery.index.mesos;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.clusterlogs.discovery.config.DiscoveryConfig;
import org.clusterlogs.discovery.index.SourceSnapshot;
import org.clusterlogs.discovery.index.TaskIndex;
import org.clusterlogs.security.account.ServiceAccountToken;
import org.clusterlogs.security.config.AuthConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Mesos source of the task index: reads {@code discovery.mesos.state} every
 * {@code discovery.mesos.refresh} on a thread of its own, and publishes a new snapshot when the
 * bytes changed. The bytes of the last good document are kept as they came, for
 * {@code /mesos/state}; a document that does not parse is a failed refresh like an unreachable
 * URL, and leaves the last good one in place.
 */
@ApplicationScoped
public class MesosStateSource {

    /** The source's name in the index, its metrics and readiness. */
    public static final String NAME = "mesos";

    private final DiscoveryConfig config;
    private final TaskIndex index;
    private final MesosStateParser parser;
    private final ServiceAccountToken token;
    private final AuthConfig auth;
    private ScheduledExecutorService refresher;
    private StateReader reader;
    /** The last good document and what it was parsed into; written by the refresh thread only. */
    private volatile Loaded current;

    public MesosStateSource(DiscoveryConfig config, TaskIndex index, ObjectMapper json, ServiceAccountToken token,
                            AuthConfig auth) {
        this.config = config;
        this.index = index;
        this.parser = new MesosStateParser(json, config.logService().scheme(), config.logService().port());
        this.token = token;
        this.auth = auth;
    }

    /** The last good document, and its agents alone: what {@code /mesos/state} and {@code /mesos/master/slaves} serve. */
    public record Document(byte[] state, byte[] slaves) {
    }

    private record Loaded(Document document, SourceSnapshot snapshot) {
    }

    void start(@Observes StartupEvent event) {
        Optional<String> location = config.mesos().state();
        if (location.isEmpty() || location.get().isBlank()) {
            return;
        }
        Duration timeout = config.mesos().timeout();
        reader = StateReader.of(location.get().trim(), timeout, () -> authorization(timeout), token::forget);
        index.expect(NAME);
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mesos-state-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, config.mesos().refresh().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** Whether {@code discovery.mesos.state} names a document at all. */
    public boolean configured() {
        return reader != null;
    }

    /** The last good document; empty before the first (or without a Mesos source). */
    public Optional<Document> document() {
        Loaded loaded = current;
        return loaded == null ? Optional.empty() : Optional.of(loaded.document());
    }

    /** One refresh; never throws, or the schedule would stop. */
    void refresh() {
        try {
            byte[] bytes = reader.read();
            Loaded before = current;
            if (before != null && Arrays.equals(before.document().state(), bytes)) {
                index.publish(NAME, before.snapshot()); // unchanged, and fresh as of now
                return;
            }
            MesosStateParser.Parsed parsed = parser.parse(bytes);
            current = new Loaded(new Document(bytes, parsed.slaves()), parsed.snapshot());
            index.publish(NAME, parsed.snapshot());
        } catch (IOException e) {
            index.failed(NAME, reader.where() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            index.failed(NAME, reader.where() + ": " + e);
        }
    }

    /** This service's own token when it has an account to log in with; none when authentication is off. */
    private Optional<String> authorization(Duration timeout) {
        if (!auth.enabled() || auth.serviceAccount().uid().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(token.authorization().await().atMost(timeout));
    }
}
