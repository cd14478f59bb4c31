package org.clusterlogs.logs.source.sandbox;

import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The agent id: configured, or the link, re-read once the last read is older than the recheck interval. */
class MesosAgentTest {

    private static final Duration RECHECK = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private Path metaSlaves;
    private final AtomicLong nanos = new AtomicLong(1_000);
    private AgentIdLink link;

    @BeforeEach
    void workDir() throws IOException {
        metaSlaves = Files.createDirectories(tmp.resolve("meta/slaves"));
        link = new AgentIdLink(Rooted.root(metaSlaves));
    }

    private MesosAgent fromLink() {
        return new MesosAgent(Optional.empty(), link, RECHECK, nanos::get);
    }

    private void pointTo(String id) throws IOException {
        Path latest = metaSlaves.resolve("latest");
        Files.deleteIfExists(latest);
        Files.createSymbolicLink(latest, Files.createDirectories(metaSlaves.resolve(id)));
    }

    private void later(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void configuredIdWinsWithoutAnyLink() {
        MesosAgent agent = new MesosAgent(Optional.of("agent-S7"), link, RECHECK, nanos::get);
        assertEquals("agent-S7", agent.id());
        assertEquals(Optional.of("agent-S7"), agent.configured());
    }

    @Test
    void configuredIdMustBeAnId() {
        assertThrows(IllegalArgumentException.class,
                () -> new MesosAgent(Optional.of("../etc"), link, RECHECK, nanos::get));
    }

    @Test
    void reRegisteredAgentIsPickedUpAfterTheRecheckInterval() throws IOException {
        pointTo("first-S0");
        MesosAgent agent = fromLink();
        assertEquals("first-S0", agent.id());
        pointTo("second-S1");
        later(RECHECK.minusMillis(1));
        assertEquals("first-S0", agent.id(), "within the interval the last read holds");
        later(Duration.ofMillis(1));
        assertEquals("second-S1", agent.id());
    }

    @Test
    void noAgentUntilTheLinkAppears() throws IOException {
        MesosAgent agent = fromLink();
        assertThrows(NoMesosAgentException.class, agent::id);
        pointTo("late-S0");
        assertThrows(NoMesosAgentException.class, agent::id, "a failed read is remembered for the interval");
        later(RECHECK);
        assertEquals("late-S0", agent.id());
    }

    @Test
    void aLinkThatGoesBadMeansNoAgent() throws IOException {
        pointTo("first-S0");
        MesosAgent agent = fromLink();
        assertEquals("first-S0", agent.id());
        Files.delete(metaSlaves.resolve("latest"));
        Files.createSymbolicLink(metaSlaves.resolve("latest"), Path.of("/etc"));
        later(RECHECK);
        assertThrows(NoMesosAgentException.class, agent::id);
    }
}
