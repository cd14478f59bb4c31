package org.clusterlogs.logs.source.sandbox;

import org.clusterlogs.logs.testsupport.Rooted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent id from a real {@code meta/slaves/latest} link, and every way the link can be wrong. */
class AgentIdLinkTest {

    private static final String ID = "9f3b5ec4-2a8e-4d0a-9a1b-0f3c7a3e5d21-S0";

    @TempDir
    Path tmp;

    private Path metaSlaves;
    private Path latest;
    private final AtomicInteger refusals = new AtomicInteger();
    private AgentIdLink link;

    @BeforeEach
    void workDir() throws IOException {
        metaSlaves = Files.createDirectories(tmp.resolve("work/meta/slaves"));
        Files.createDirectories(tmp.resolve("work/slaves").resolve(ID).resolve("frameworks"));
        latest = metaSlaves.resolve("latest");
        link = new AgentIdLink(Rooted.root(metaSlaves, refusals));
    }

    private String read() throws IOException {
        return link.read();
    }

    private NoMesosAgentException noAgent() {
        return assertThrows(NoMesosAgentException.class, this::read);
    }

    @Test
    void absoluteLinkAsMesosWritesIt() throws IOException {
        Files.createSymbolicLink(latest, Files.createDirectories(metaSlaves.resolve(ID)));
        assertEquals(ID, read());
    }

    @Test
    void relativeLinkToASibling() throws IOException {
        Files.createDirectories(metaSlaves.resolve(ID));
        Files.createSymbolicLink(latest, Path.of(ID));
        assertEquals(ID, read());
    }

    @Test
    void workDirMountedElsewhereStillNamesTheAgent() throws IOException {
        // Mesos wrote the host path; the container sees the same directories under another path
        Files.createDirectories(metaSlaves.resolve(ID));
        Files.createSymbolicLink(latest, Path.of("/var/lib/mesos/slave/meta/slaves").resolve(ID));
        assertEquals(ID, read());
    }

    @Test
    void repointedLinkIsReadAgain() throws IOException {
        Files.createSymbolicLink(latest, Files.createDirectories(metaSlaves.resolve(ID)));
        assertEquals(ID, read());
        Files.delete(latest);
        Files.createSymbolicLink(latest, Files.createDirectories(metaSlaves.resolve("other-S1")));
        assertEquals("other-S1", read());
    }

    @Test
    void missingLink() {
        NoMesosAgentException e = noAgent();
        assertTrue(e.getMessage().startsWith("no Mesos agent is found on this node: "), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void missingMetaDirectory() throws IOException {
        link = new AgentIdLink(Rooted.root(tmp.resolve("nowhere/meta/slaves")));
        noAgent();
    }

    @Test
    void regularFileInsteadOfLink() throws IOException {
        Files.writeString(latest, ID);
        assertTrue(noAgent().getMessage().contains("not a link"));
    }

    @Test
    void targetOutsideMetaSlaves() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere").resolve(ID));
        Files.createSymbolicLink(latest, elsewhere);
        assertTrue(noAgent().getMessage().contains("not to an agent id in meta/slaves"));
    }

    @Test
    void targetClimbingOut() throws IOException {
        Files.createDirectories(metaSlaves.resolve(ID));
        Files.createSymbolicLink(latest, Path.of("../../meta/slaves/../../../etc"));
        noAgent();
    }

    @Test
    void danglingLink() throws IOException {
        Files.createSymbolicLink(latest, metaSlaves.resolve(ID));
        assertTrue(noAgent().getMessage().contains("does not exist"));
    }

    @Test
    void agentDirectoryThatIsALinkOutOfTheRoot() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(metaSlaves.resolve(ID), outside);
        Files.createSymbolicLink(latest, Path.of(ID));
        noAgent();
        assertEquals(1, refusals.get());
    }

    @Test
    void agentIdThatIsAFile() throws IOException {
        Files.writeString(metaSlaves.resolve(ID), "");
        Files.createSymbolicLink(latest, Path.of(ID));
        assertTrue(noAgent().getMessage().contains("not a directory"));
    }

    @Test
    void linkToItself() throws IOException {
        Files.createSymbolicLink(latest, Path.of("latest"));
        noAgent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", ".", "..", "..x", "-S0", "a b", "a\nb", "/var/lib/mesos/slaves/x",
            "meta/slaves", "/etc/passwd", "../x", "slaves/x", "other/slaves/x"})
    void targetsThatNameNoAgent(String target) {
        assertNull(AgentIdLink.idOf(Path.of(target)), target);
    }

    @ParameterizedTest
    @ValueSource(strings = {ID, "/var/lib/mesos/meta/slaves/" + ID, "/x/meta/slaves/a.b_c-1", "meta/slaves/S0"})
    void targetsThatNameAnAgent(String target) {
        assertEquals(Path.of(target).getFileName().toString(), AgentIdLink.idOf(Path.of(target)));
    }
}
