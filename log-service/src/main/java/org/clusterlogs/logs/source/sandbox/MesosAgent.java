package org.clusterlogs.logs.source.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * This node's Mesos agent id, which names the agent's directory under {@code slaves/}. It is
 * {@code logs.mesos-agent-id} when that is set; otherwise the agent's {@code meta/slaves/latest}
 * link ({@link AgentIdLink}), never the node name.
 *
 * <p>The link is re-read when a lookup needs the id and the last read is older than
 * {@code logs.mesos-agent-recheck}: an agent that re-registers under a new id (Mesos then
 * repoints the link) is picked up within that interval, and between re-reads a lookup costs
 * nothing. A failed read is remembered for the same interval, so a node without an agent does
 * not read the link on every request. Changes are logged once each.
 */
@ApplicationScoped
public class MesosAgent {

    private static final Logger LOG = Logger.getLogger(MesosAgent.class);

    private final Optional<String> configured;
    private final AgentIdLink link;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private Lookup last;

    @Inject
    public MesosAgent(LogsConfig config, ConfiguredRoots roots) {
        this(config.mesosAgentId(), new AgentIdLink(roots.mesosMetaSlaves()), config.mesosAgentRecheck(),
                System::nanoTime);
    }

    MesosAgent(Optional<String> configured, AgentIdLink link, Duration recheck, LongSupplier nanoTime) {
        configured.ifPresent(id -> {
            if (!AgentIdLink.isAgentId(id)) {
                throw new IllegalArgumentException("logs.mesos-agent-id is not an agent id: " + id);
            }
        });
        this.configured = configured;
        this.link = link;
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The agent id.
     *
     * @throws NoMesosAgentException when none is configured and the link names none
     */
    public String id() {
        if (configured.isPresent()) {
            return configured.get();
        }
        Lookup now = current();
        if (now.id == null) {
            throw new NoMesosAgentException(now.why);
        }
        return now.id;
    }

    /** {@code logs.mesos-agent-id}, without looking at the link. */
    public Optional<String> configured() {
        return configured;
    }

    /** Where the id comes from, for the start-up log line. */
    public String source() {
        return configured.isPresent() ? "logs.mesos-agent-id" : "the link " + link.where();
    }

    private synchronized Lookup current() {
        long now = nanoTime.getAsLong();
        if (last != null && now - last.at < recheckNanos) {
            return last;
        }
        Lookup fresh = read(now);
        if (last == null || !fresh.sameAs(last)) {
            if (fresh.id != null) {
                LOG.infof("Mesos agent id %s (from %s)%s", fresh.id, source(),
                        last != null && last.id != null ? ", was " + last.id + ": the agent re-registered" : "");
            } else {
                LOG.warnf("%s; task routes answer 404 until the link names an agent, or set logs.mesos-agent-id",
                        new NoMesosAgentException(fresh.why).getMessage());
            }
        }
        last = fresh;
        return fresh;
    }

    private Lookup read(long now) {
        try {
            return new Lookup(link.read(), null, now);
        } catch (NoMesosAgentException e) {
            return new Lookup(null, e.why(), now);
        } catch (IOException e) {
            return new Lookup(null, "reading " + link.where() + " failed: " + e, now);
        } catch (UncheckedIOException e) {
            return new Lookup(null, "reading " + link.where() + " failed: " + e.getCause(), now);
        }
    }

    /** One read of the link: an id, or why there is none. */
    private record Lookup(String id, String why, long at) {
        boolean sameAs(Lookup other) {
            return id == null ? other.id == null && why.equals(other.why) : id.equals(other.id);
        }
    }
}
