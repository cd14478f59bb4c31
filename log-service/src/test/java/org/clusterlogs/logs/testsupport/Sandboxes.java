package org.clusterlogs.logs.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Makes a fresh task sandbox in the test roots and answers its route. */
public record Sandboxes(String framework, String executor, String container, Path dir) {

    /** A sandbox of the agent the test service finds through its {@code latest} link. */
    public static Sandboxes create() {
        return create(LogRoots.AGENT_ID);
    }

    /** A sandbox under the directory of agent {@code agentId}. */
    public static Sandboxes create(String agentId) {
        String fw = "fw-" + UUID.randomUUID();
        Path dir = LogRoots.agentSandboxes(agentId).resolve("frameworks").resolve(fw).resolve("executors").resolve("ex1")
                .resolve("runs").resolve("c1");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sandboxes(fw, "ex1", "c1", dir);
    }

    /** The route of a file in this sandbox. */
    public String route(String file) {
        return "/system/v1/logs/v2/task/frameworks/" + framework + "/executors/" + executor + "/runs/"
                + container + "/" + file;
    }

    public Path write(String file, String content) {
        try {
            return Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
