package org.clusterlogs.messagelogging.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.clusterlogs.messagelogging.MessageLoggingRuntime;
import org.clusterlogs.messagelogging.MessageLoggingSettings;
import org.clusterlogs.messagelogging.template.FlowContext;
import org.clusterlogs.testing.policy.FakePolicyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.clusterlogs.testing.auth.FakeAuthServer.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The follower against a policy-service on a real socket: it follows deploys through the long
 * poll with the service's token, keeps its set while policy-service is down, and a restarted
 * service runs the saved set before policy-service has answered anything.
 */
class DeployedSetFollowerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final FakePolicyService policyService = new FakePolicyService(Duration.ofMillis(300));
    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeEach
    void start() {
        policyService.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : started) {
            c.close();
        }
        policyService.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void followsDeploysWithTheServiceToken() throws Exception {
        policyService.deploy("Audit", 1, null, Policies.file("Audit", "audit.log", "v1 {request.uri}"));
        policyService.deploy("Elsewhere", 1, List.of("other-service"), Policies.file("Elsewhere", "other.log", "x"));
        Service service = service("root");
        assertTrue(eventually(PATIENCE, () -> service.set.version() == 2), "the first set is applied");
        assertEquals(List.of("Audit"), service.policyNames(), "only deployments for this service (or every service) run");

        policyService.deploy("Audit", 2, null, Policies.file("Audit", "audit.log", "v2 {request.uri}"));
        assertTrue(eventually(PATIENCE, () -> service.set.version() == 3), "a waiting poll brings the new revision");
        service.call("/a");
        assertTrue(eventually(PATIENCE, () -> service.lines("audit.log").equals(List.of("v2 /a"))),
                () -> "the new revision renders: " + service.lines("audit.log"));
        assertTrue(policyService.authorizations.stream().allMatch("token=test"::equals),
                "every poll carries the service's token: " + policyService.authorizations);

        policyService.undeploy("Audit");
        assertTrue(eventually(PATIENCE, () -> service.set.policies().isEmpty()), "an undeployed policy stops");
    }

    @Test
    void keepsTheSetWhilePolicyServiceIsDownAndStartsFromTheSavedOne() throws Exception {
        policyService.deploy("Audit", 1, null, Policies.file("Audit", "audit.log", "{request.uri}"));
        Service first = service("first");
        assertTrue(eventually(PATIENCE, () -> first.set.version() == 1 && Files.exists(dir.resolve("state.json"))));

        policyService.stop();
        assertTrue(eventually(PATIENCE, () -> first.registry.counter("messagelogging.follow.failures").count() >= 2),
                "the follower notices policy-service is gone");
        first.call("/while-down");
        assertTrue(eventually(PATIENCE, () -> first.lines("audit.log").equals(List.of("/while-down"))),
                "the last set keeps running");
        first.close();

        Service restarted = service("second");
        assertEquals(1, restarted.set.version(), "the saved set runs at once, policy-service still down");
        assertEquals(List.of("Audit"), restarted.policyNames());
        restarted.call("/after-restart");
        assertTrue(eventually(PATIENCE, () -> restarted.lines("audit.log").equals(List.of("/after-restart"))));
    }

    /** One "service": a runtime on its own file root, the set, and the follower; all sharing one state file. */
    private Service service(String fileRoot) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Path root = dir.resolve(fileRoot);
        MessageLoggingRuntime runtime = new MessageLoggingRuntime(vertx, registry,
                MessageLoggingSettings.of(Map.of("messagelogging.file.root", root.toString())), Clock.systemUTC());
        ServiceSettings settings = new ServiceSettings(Optional.of(URI.create(policyService.url())), "default",
                "log-service", "clusterlogs", "1", dir.resolve("state.json"));
        DeployedSet set = new DeployedSet(runtime, settings);
        MessageLoggingMetrics metrics = new MessageLoggingMetrics(registry, set);
        ObjectMapper json = new ObjectMapper();
        DeployedSetFollower follower = new DeployedSetFollower(set, new StateFile(settings.stateFile(), json),
                new PolicyServiceClient(URI.create(policyService.url()), "default", json), new FixedToken(), metrics);
        follower.start();
        Service service = new Service(runtime, set, follower, registry, root);
        started.add(service);
        return service;
    }

    private record Service(MessageLoggingRuntime runtime, DeployedSet set, DeployedSetFollower follower,
                           SimpleMeterRegistry registry, Path root) implements AutoCloseable {

        void call(String uri) {
            FlowContext call = FlowContext.builder().set("request.uri", uri).build();
            set.policies().forEach(p -> p.execute(call));
        }

        List<String> policyNames() {
            return set.policies().stream().map(p -> p.policy().name()).toList();
        }

        List<String> lines(String file) {
            try {
                Path path = root.resolve(file);
                return Files.exists(path) ? Files.readAllLines(path) : List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            follower.stop();
            runtime.close();
        }
    }

    private static final class FixedToken implements Credentials {
        @Override
        public Optional<String> authorization() {
            return Optional.of("token=test");
        }

        @Override
        public void refused() {
        }
    }
}
