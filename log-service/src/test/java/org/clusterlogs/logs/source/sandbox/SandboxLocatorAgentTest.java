package org.clusterlogs.logs.source.sandbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.clusterlogs.logs.config.LogsConfig;
import org.clusterlogs.logs.metrics.LogMetrics;
import org.clusterlogs.logs.source.files.MesosFilePath;
import org.clusterlogs.logs.source.root.ConfiguredRoots;
import org.clusterlogs.logs.source.root.OpenedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Mesos files API path reaches the same file whether the sandbox root is the agent's directory or {@code slaves/}. */
class SandboxLocatorAgentTest {

    private static final String AGENT = "agent-S7";
    private static final String PATH = "/var/lib/mesos/slave/slaves/" + AGENT + "/frameworks/fw/executors/ex/runs/c1/stdout";

    @TempDir
    Path tmp;

    private static LogsConfig config(Path sandboxRoot) {
        return (LogsConfig) Proxy.newProxyInstance(LogsConfig.class.getClassLoader(), new Class<?>[]{LogsConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "nodeId" -> "a-node-name";
                    case "mesosAgentId" -> Optional.of(AGENT);
                    case "mesosAgentRecheck" -> Duration.ZERO;
                    case "sandboxRoot", "podsRoot", "componentsDir" -> sandboxRoot;
                    case "journalDir" -> Optional.of(sandboxRoot);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String read(Path sandboxRoot) throws IOException {
        LogsConfig config = config(sandboxRoot);
        ConfiguredRoots roots = new ConfiguredRoots(config, new LogMetrics(new SimpleMeterRegistry()));
        SandboxLocator locator = new SandboxLocator(config, roots, new MesosAgent(config, roots));
        MesosFilePath path = MesosFilePath.parse(PATH, Path.of("/var/lib/mesos/slave"), AGENT);
        try (OpenedFile file = locator.underAgent(path.relative()).openFile()) {
            ByteBuffer b = ByteBuffer.allocate((int) file.channel().size());
            file.channel().read(b, 0);
            return new String(b.array(), StandardCharsets.UTF_8);
        }
    }

    private static void sandboxUnder(Path agentDir, String content) throws IOException {
        Path run = Files.createDirectories(agentDir.resolve("frameworks/fw/executors/ex/runs/c1"));
        Files.writeString(run.resolve("stdout"), content);
    }

    @Test
    void rootIsTheAgentsDirectory() throws IOException {
        Path agentDir = tmp.resolve("slaves").resolve(AGENT);
        sandboxUnder(agentDir, "agent root\n");
        assertEquals("agent root\n", read(agentDir));
    }

    @Test
    void rootIsTheSlavesDirectory() throws IOException {
        Path slaves = tmp.resolve("slaves");
        sandboxUnder(slaves.resolve("an-older-agent"), "not this one\n");
        sandboxUnder(slaves.resolve(AGENT), "slaves root\n");
        assertEquals("slaves root\n", read(slaves));
    }
}
