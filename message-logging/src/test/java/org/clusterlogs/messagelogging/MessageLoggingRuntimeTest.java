package org.clusterlogs.messagelogging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.template.FlowContext;
import org.clusterlogs.messagelogging.testsupport.MutableClock;
import org.clusterlogs.messagelogging.testsupport.Policies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploying, executing and undeploying policies with file destinations: layouts, sharing, failures. */
@Timeout(60)
class MessageLoggingRuntimeTest {

    private static Vertx vertx;

    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.at("2026-11-30T12:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FileScope scope = new FileScope("acme", "prod", "log-service", 3, "LogCalls");

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private MessageLoggingRuntime runtime(String layout) {
        return new MessageLoggingRuntime(vertx, registry, MessageLoggingSettings.of(Map.of(
                "messagelogging.file.root", root.toString(), "messagelogging.file.layout", layout)), clock);
    }

    private static String filePolicy(String name, String fileName, String message, String attributes) {
        return "<MessageLogging name=\"" + name + "\" " + attributes + "><File><Message>" + message + "</Message><FileName>"
                + fileName + "</FileName></File></MessageLogging>";
    }

    private static FlowContext call(String verb, String uri) {
        return FlowContext.builder().set("request.verb", verb).set("request.uri", uri).build();
    }

    @Test
    void layouts() throws IOException {
        for (String layout : List.of("flat", "prefixed", "nested")) {
            try (MessageLoggingRuntime runtime = runtime(layout)) {
                runtime.deploy(Policies.parse("LogCalls", filePolicy("LogCalls", layout + ".log", "{request.verb} {request.uri}", "")),
                        scope).execute(call("GET", "/a"));
            }
        }
        assertEquals(List.of("GET /a"), Files.readAllLines(root.resolve("flat.log")));
        assertEquals(List.of("GET /a"), Files.readAllLines(root.resolve("acme_prod_log-service_3_LogCalls_prefixed.log")));
        assertEquals(List.of("GET /a"), Files.readAllLines(root.resolve("acme/prod/log-service/3/LogCalls/nested.log")));
    }

    @Test
    void policiesWritingTheSameFileShareOneDestination() throws IOException {
        try (MessageLoggingRuntime runtime = runtime("flat")) {
            DeployedPolicy one = runtime.deploy(Policies.parse("One", filePolicy("One", "calls.log", "one {request.uri}", "")), scope);
            DeployedPolicy two = runtime.deploy(Policies.parse("Two", filePolicy("Two", "calls.log", "two {request.uri}", "")), scope);
            assertEquals(1, runtime.destinations().size());
            one.execute(call("GET", "/1"));
            two.execute(call("GET", "/2"));
            one.undeploy();
            assertEquals(1, runtime.destinations().size(), "still used by Two");
            two.execute(call("GET", "/3"));
            two.undeploy();
            assertEquals(0, runtime.destinations().size(), "closed with its last policy");
            assertEquals(PolicyOutcome.SKIPPED, two.execute(call("GET", "/4")));
        }
        assertEquals(List.of("one /1", "two /2", "two /3"), Files.readAllLines(root.resolve("calls.log")));
    }

    @Test
    void renderFailureWithoutContinueOnErrorIsTheStepFault() {
        String xml = "<MessageLogging name=\"Strict\"><IgnoreUnresolvedVariables>false</IgnoreUnresolvedVariables>"
                + "<File><Message>{user.uid}</Message><FileName>strict.log</FileName></File></MessageLogging>";
        try (MessageLoggingRuntime runtime = runtime("flat")) {
            DeployedPolicy policy = runtime.deploy(Policies.parse("Strict", xml), scope);
            StepExecutionFailedException e = assertThrows(StepExecutionFailedException.class,
                    () -> policy.execute(call("GET", "/")));
            assertEquals("Strict", e.policy());
            assertEquals(Map.of("fault.name", "StepDefinitionExecutionFailed", "messagelogging.failed", "true",
                    "messagelogging.Strict.failed", "true"), e.flowVariables());
            assertEquals("{\"fault\":{\"detail\":{\"errorcode\":\"steps.messagelogging.StepDefinitionExecutionFailed\"},"
                    + "\"faultstring\":\"Execution failed\"}}", StepExecutionFailedException.FAULT_BODY);
            assertEquals(PolicyOutcome.EXECUTED, policy.execute(FlowContext.builder().set("user.uid", "alice").build()));
        }
    }

    @Test
    void renderFailureWithContinueOnErrorSetsFlowVariables() throws IOException {
        String xml = "<MessageLogging name=\"Lenient\" continueOnError=\"true\"><IgnoreUnresolvedVariables>false</IgnoreUnresolvedVariables>"
                + "<File><Message>{user.uid}</Message><FileName>lenient.log</FileName></File></MessageLogging>";
        try (MessageLoggingRuntime runtime = runtime("flat")) {
            PolicyOutcome outcome = runtime.deploy(Policies.parse("Lenient", xml), scope).execute(call("GET", "/"));
            assertEquals(PolicyOutcome.Status.FAILED, outcome.status());
            assertEquals(Map.of("messagelogging.failed", "true", "messagelogging.Lenient.failed", "true"), outcome.flowVariables());
            assertTrue(outcome.failure().contains("user.uid"), outcome.failure());
        }
        assertTrue(!Files.exists(root.resolve("lenient.log")) || Files.size(root.resolve("lenient.log")) == 0);
    }

    @Test
    void disabledPolicyIsSkipped() {
        try (MessageLoggingRuntime runtime = runtime("flat")) {
            DeployedPolicy policy = runtime.deploy(Policies.parse("Off", filePolicy("Off", "off.log", "x", "enabled=\"false\"")), scope);
            assertEquals(PolicyOutcome.SKIPPED, policy.execute(call("GET", "/")));
        }
        assertTrue(!Files.exists(root.resolve("off.log")));
    }

    @Test
    void closingFlushesEveryQueue() throws IOException {
        try (MessageLoggingRuntime runtime = runtime("flat")) {
            DeployedPolicy policy = runtime.deploy(Policies.parse("Many", filePolicy("Many", "many.log", "{request.uri}", "")), scope);
            for (int i = 0; i < 9_000; i++) {
                policy.execute(call("GET", "/" + i));
            }
        }
        List<String> lines = Files.readAllLines(root.resolve("many.log"));
        assertEquals(9_000, lines.size());
        assertEquals("/8999", lines.get(8_999));
    }
}
