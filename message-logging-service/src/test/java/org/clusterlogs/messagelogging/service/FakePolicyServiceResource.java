package org.clusterlogs.messagelogging.service;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.clusterlogs.testing.policy.FakePolicyService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** policy-service (fake) with one File policy deployed to every service, started before the service. */
public class FakePolicyServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String MESSAGE = "{request.verb} {request.uri} {response.status.code} {user.uid:anonymous} {task.id:-} "
            + "{request.header.authorization:-} {response.header.x-answer:-} {apiproxy.name} {apiproxy.revision}";
    static volatile FakePolicyService policyService;
    static volatile Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("mlint");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        policyService = new FakePolicyService(Duration.ofSeconds(1)).start();
        policyService.deploy("Audit", 1, null, Policies.file("Audit", "calls.log", MESSAGE));
        return Map.of(
                "messagelogging.policy-service.url", policyService.url(),
                "messagelogging.file.root", dir.resolve("files").toString(),
                "messagelogging.state-file", dir.resolve("state.json").toString());
    }

    @Override
    public void stop() {
        policyService.close();
    }
}
