package org.clusterlogs.messagelogging;

import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.policy.MessageLoggingPolicy;
import org.clusterlogs.messagelogging.policy.PolicyParseResult;
import org.clusterlogs.messagelogging.policy.PolicyParser;
import org.clusterlogs.messagelogging.template.FlowContext;
import org.clusterlogs.messagelogging.template.TemplateRenderException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The dry run: each destination's bytes as its writer would send them, nothing sent. */
class PolicyTraceTest {

    private static final long WHEN = Instant.parse("2023-03-20T09:24:39.039Z").toEpochMilli();
    private static final MessageLoggingSettings SETTINGS = MessageLoggingSettings.of(Map.of(
            "messagelogging.syslog.host-id", "node-1", "messagelogging.file.root", "/var/log/ml"));
    private static final FileScope SCOPE = new FileScope("clusterlogs", "prod", "log-service", 1, "Audit");
    private static final FlowContext CALL = FlowContext.builder().set("request.verb", "GET")
            .set("request.uri", "/system/v1/logs/v2/component").set("response.status.code", 200).build();

    private static MessageLoggingPolicy policy(String xml) {
        return ((PolicyParseResult.Valid) new PolicyParser().parse(null, xml)).policy();
    }

    private static String text(PolicyTrace.TracedRecord record) {
        return new String(record.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void tcpWithTheHeaderIsOneLfTerminatedRecord() {
        List<PolicyTrace.TracedRecord> records = new PolicyTrace(SETTINGS).trace(policy(
                "<MessageLogging name=\"Audit\"><Syslog><Message>{request.verb} {request.uri} {response.status.code}"
                        + "</Message><Host>syslog.example</Host><Port>601</Port><Protocol>TCP</Protocol>"
                        + "<FormatMessage>true</FormatMessage><DateFormat>yyyy-MM-dd'T'HH:mm:ss.SSSXXX</DateFormat>"
                        + "</Syslog></MessageLogging>"), CALL, WHEN, SCOPE);
        assertEquals(1, records.size());
        assertEquals("syslog+tcp://syslog.example:601", records.get(0).destination());
        assertEquals("<14>1 2023-03-20T09:24:39.039Z node-1 Apigee-Edge - - - GET /system/v1/logs/v2/component 200\n",
                text(records.get(0)));
    }

    @Test
    void udpIsTheBareDatagramAndAFileALine() {
        PolicyTrace trace = new PolicyTrace(SETTINGS);
        PolicyTrace.TracedRecord udp = trace.trace(policy("<MessageLogging name=\"Audit\"><Syslog><Message>{request.verb}"
                + "</Message><Host>h</Host><Port>514</Port><Protocol>UDP</Protocol></Syslog></MessageLogging>"),
                CALL, WHEN, SCOPE).get(0);
        assertEquals("syslog+udp://h:514", udp.destination());
        assertEquals("GET", text(udp));
        PolicyTrace.TracedRecord file = trace.trace(policy("<MessageLogging name=\"Audit\"><File><Message>{request.uri}"
                + "</Message><FileName>audit.log</FileName></File></MessageLogging>"), CALL, WHEN, SCOPE).get(0);
        assertEquals("file:/var/log/ml/audit.log", file.destination());
        assertEquals("/system/v1/logs/v2/component\n", text(file));
    }

    @Test
    void aMessageThatCannotBeRenderedSaysSo() {
        MessageLoggingPolicy strict = policy("<MessageLogging name=\"Audit\"><IgnoreUnresolvedVariables>false"
                + "</IgnoreUnresolvedVariables><File><Message>{no.such.variable}</Message><FileName>a.log</FileName>"
                + "</File></MessageLogging>");
        assertThrows(TemplateRenderException.class, () -> new PolicyTrace(SETTINGS).trace(strict, CALL, WHEN, SCOPE));
    }
}
