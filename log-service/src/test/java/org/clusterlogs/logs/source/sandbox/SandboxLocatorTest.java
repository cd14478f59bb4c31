package org.clusterlogs.logs.source.sandbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a task's sandbox is under each kind of root, and that the node name never picks the agent. */
class SandboxLocatorTest {

    private static final String NODE = "node-a";
    private static final String AGENT = "5e1d2c3b-0000-4000-8000-00000000abcd-S2";
    private static final SandboxId TASK = new SandboxId("fw", "ex", "c1", null);

    @TempDir
    Path work;

    private SandboxLocator locator(Path sandboxRoot, Optional<String> agentId) {
        Map<String, Object> values = Map.of(
                "nodeId", NODE,
                "sandboxRoot", sandboxRoot,
                "podsRoot", work.resolve("pods"),
                "componentsDir", work.resolve("components"),
                "journalDir", Optional.of(work.resolve("journal")),
                "mesosAgentId", agentId,
                "mesosAgentRecheck", Duration.ZERO);
        LogsConfig config = (LogsConfig) Proxy.newProxyInstance(LogsConfig.class.getClassLoader(),
                new Class<?>[]{LogsConfig.class}, (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
        ConfiguredRoots roots = new ConfiguredRoots(config, new LogMetrics(new SimpleMeterRegistry()));
        return new SandboxLocator(config, roots, new MesosAgent(config, roots));
    }

    private Path slaves() throws IOException {
        return Files.createDirectories(work.resolve("slaves"));
    }

    private void link(String agentId) throws IOException {
        Path meta = Files.createDirectories(work.resolve("meta/slaves").resolve(agentId));
        Files.createSymbolicLink(work.resolve("meta/slaves/latest"), meta);
    }

    @Test
    void slavesRootUsesTheLinkedAgent() throws IOException {
        Files.createDirectories(slaves().resolve(AGENT).resolve("frameworks"));
        link(AGENT);
        SandboxLocator locator = locator(slaves(), Optional.empty());
        assertEquals(Path.of(AGENT, "frameworks/fw/executors/ex/runs/c1"), locator.sandbox(TASK).relative());
        assertEquals(AGENT, locator.fields(TASK, "stdout").get("AGENT_ID"));
    }

    @Test
    void slavesRootUsesTheConfiguredAgentWithoutALink() throws IOException {
        SandboxLocator locator = locator(slaves(), Optional.of(AGENT));
        assertEquals(Path.of(AGENT, "frameworks/fw/executors/ex/runs/c1"), locator.sandbox(TASK).relative());
    }

    @Test
    void theNodeNameNeverPicksTheAgent() throws IOException {
        Files.createDirectories(slaves().resolve(NODE).resolve("frameworks"));
        SandboxLocator locator = locator(slaves(), Optional.empty());
        NoMesosAgentException e = assertThrows(NoMesosAgentException.class, () -> locator.sandbox(TASK));
        assertTrue(e.getMessage().startsWith("no Mesos agent is found on this node"), e.getMessage());
        assertThrows(NoMesosAgentException.class, () -> locator.file(TASK, "stdout"));
    }

    @Test
    void agentDirectoryNeedsNoId() throws IOException {
        Path agentDir = Files.createDirectories(slaves().resolve(AGENT).resolve("frameworks")).getParent();
        SandboxLocator locator = locator(agentDir, Optional.empty());
        assertEquals(Path.of("frameworks/fw/executors/ex/runs/c1"), locator.sandbox(TASK).relative());
        assertEquals(AGENT, locator.fields(TASK, "stdout").get("AGENT_ID"), "the directory's name");
    }
}
