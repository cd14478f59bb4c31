package org.clusterlogs.messagelogging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.clusterlogs.messagelogging.delivery.Destination;
import org.clusterlogs.messagelogging.delivery.DropReason;
import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.template.FlowContext;
import org.clusterlogs.messagelogging.testsupport.MutableClock;
import org.clusterlogs.messagelogging.testsupport.Policies;
import org.clusterlogs.testing.syslog.RsyslogServer;
import org.clusterlogs.testing.syslog.RsyslogServer.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end against a real rsyslog started by the test (UDP, TCP and TLS listeners on loopback):
 * it receives exactly the rendered records, and when it is killed mid-run the request side never
 * waits, drops are counted once the queue is full, and delivery resumes when it comes back.
 */
@Timeout(60)
class RsyslogEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FileScope SCOPE = new FileScope("acme", "prod", "log-service", 1, "p");
    /** The header of every FormatMessage record at the test's fixed time. */
    private static final String STAMP = "2023-03-20T09:24:39.039+0000 mp-1 Apigee-Edge - - - ";

    private static Vertx vertx;
    private static RsyslogServer syslog;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MessageLoggingRuntime runtime;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        syslog = RsyslogServer.start();
    }

    @AfterAll
    static void stop() {
        syslog.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void runtime() {
        runtime = new MessageLoggingRuntime(vertx, registry, MessageLoggingSettings.of(Map.of(
                "messagelogging.syslog.host-id", "mp-1",
                "messagelogging.queue-capacity", "1000",
                "messagelogging.reconnect.initial-delay", "50ms",
                "messagelogging.reconnect.max-delay", "500ms",
                "messagelogging.tls.dir", syslog.directory().toString())),
                MutableClock.at("2023-03-20T09:24:39.039Z"));
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private DeployedPolicy deploy(String name, Transport transport, String protocol, String extra, String level) {
        String xml = "<MessageLogging name=\"" + name + "\"><Syslog><Message>{request.verb} {request.uri} by {user.uid:anonymous}"
                + "</Message><Host>" + (transport == Transport.UDP || transport == Transport.TCP ? "127.0.0.1" : "localhost") + "</Host><Port>"
                + syslog.port(transport) + "</Port><Protocol>" + protocol + "</Protocol>" + extra
                + "</Syslog><logLevel>" + level + "</logLevel></MessageLogging>";
        return runtime.deploy(Policies.parse(name, xml), SCOPE);
    }

    private static FlowContext call(String uri) {
        return FlowContext.builder().set("request.verb", "GET").set("request.uri", uri).build();
    }

    /** The records of this test only: rsyslog's files are shared by the tests of the class. */
    private static List<String> received(Transport transport, String marker, int count) {
        return syslog.awaitRecords(transport, marker, count, WAIT);
    }

    @Test
    void udpWithHeader() {
        DeployedPolicy policy = deploy("Udp", Transport.UDP, "UDP", "<FormatMessage>true</FormatMessage>", "ALERT");
        for (int i = 0; i < 20; i++) {
            policy.execute(call("/udp/" + i));
        }
        assertEquals(IntStream.range(0, 20).mapToObj(i -> "<9>1 " + STAMP + "GET /udp/" + i + " by anonymous").toList(),
                received(Transport.UDP, "/udp/", 20));
    }

    @Test
    void udpSkipsOnlyTheRecordTooLongForADatagram() throws InterruptedException {
        DeployedPolicy policy = deploy("UdpLong", Transport.UDP, "UDP", "", "INFO");
        policy.execute(call("/udplong/1"));
        policy.execute(call("/udplong/" + "x".repeat(70_000)));
        policy.execute(call("/udplong/3"));
        assertEquals(List.of("GET /udplong/1 by anonymous", "GET /udplong/3 by anonymous"),
                received(Transport.UDP, "/udplong/", 2));
        Destination destination = runtime.destinations().get(0);
        for (int i = 0; i < 200 && destination.dropped(DropReason.OVERSIZE) == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, destination.dropped(DropReason.OVERSIZE));
    }

    @Test
    void tcpWithLfFraming() {
        DeployedPolicy policy = deploy("Tcp", Transport.TCP, " tcp ", "<FormatMessage>true</FormatMessage>", "WARN");
        for (int i = 0; i < 500; i++) {
            policy.execute(call("/tcp/" + i));
        }
        policy.execute(FlowContext.builder().set("request.verb", "GET").set("request.uri", "/tcp/two\nlines").build());
        List<String> expected = new ArrayList<>(IntStream.range(0, 500)
                .mapToObj(i -> "<12>1 " + STAMP + "GET /tcp/" + i + " by anonymous").toList());
        expected.add("<12>1 " + STAMP + "GET /tcp/two\\nlines by anonymous");
        assertEquals(expected, received(Transport.TCP, "/tcp/", 501));
    }

    @Test
    void tcpWithOctetCountingCarriesLineBreaks() {
        DeployedPolicy policy = deploy("Octets", Transport.TCP, "TCP",
                "<PayloadOnly>true</PayloadOnly><FormatMessage>true</FormatMessage><Framing>octet-counting</Framing>", "INFO");
        policy.execute(FlowContext.builder().set("request.verb", "GET").set("request.uri", "/octets/a\nb").set("user.uid", "ünï")
                .build());
        policy.execute(call("/octets/2"));
        // rsyslog shows a received control character as #ooo: the LF arrived inside the one record
        assertEquals(List.of("GET /octets/a#012b by ünï", "GET /octets/2 by anonymous"), received(Transport.TCP, "/octets/", 2));
    }

    @Test
    void tlsVerifiedAgainstTheTrustStore() {
        DeployedPolicy policy = deploy("Tls", Transport.TLS, "TCP", "<FormatMessage>true</FormatMessage><SSLInfo><Enabled>true</Enabled>"
                + "<TrustStore>ca.pem</TrustStore><Protocols><Protocol>TLSv1.3</Protocol><Protocol>TLSv1.2</Protocol></Protocols>"
                + "</SSLInfo>", "ERROR");
        for (int i = 0; i < 50; i++) {
            policy.execute(call("/tls/" + i));
        }
        assertEquals(IntStream.range(0, 50).mapToObj(i -> "<11>1 " + STAMP + "GET /tls/" + i + " by anonymous").toList(),
                received(Transport.TLS, "/tls/", 50));
    }

    @Test
    void tlsRefusesAServerItCannotVerify() {
        // no TrustStore: the JVM's default CAs, which did not sign the test server's certificate
        assertRefused("Untrusted", Transport.TLS, "<SSLInfo><Enabled>true</Enabled></SSLInfo>");
    }

    @Test
    void tlsRefusesACertificateWithoutTheExpectedName() {
        // the right CA, but the certificate names localhost and 127.0.0.1, not the CommonName asked for
        assertRefused("WrongName", Transport.TLS, "<SSLInfo><Enabled>true</Enabled><TrustStore>ca.pem</TrustStore>"
                + "<CommonName>syslog.example.com</CommonName></SSLInfo>");
    }

    @Test
    void tlsWithAClientCertificate() {
        DeployedPolicy policy = deploy("Mutual", Transport.TLS_CLIENT_AUTH, "TCP", "<SSLInfo><Enabled>true</Enabled>"
                + "<ClientAuthEnabled>true</ClientAuthEnabled><KeyStore>client.pem</KeyStore><TrustStore>ca.pem</TrustStore>"
                + "<Protocols><Protocol>TLSv1.2</Protocol></Protocols></SSLInfo>", "INFO"); // as below, but with the certificate
        for (int i = 0; i < 10; i++) {
            policy.execute(call("/mutual/" + i));
        }
        assertEquals(IntStream.range(0, 10).mapToObj(i -> "GET /mutual/" + i + " by anonymous").toList(),
                received(Transport.TLS_CLIENT_AUTH, "/mutual/", 10));
    }

    @Test
    void tlsWithoutTheClientCertificateTheServerAsksFor() {
        // TLS 1.2: the server refuses within the handshake (with 1.3 it can only say so after the client's first write)
        assertRefused("NoClientCert", Transport.TLS_CLIENT_AUTH, "<SSLInfo><Enabled>true</Enabled><TrustStore>ca.pem</TrustStore>"
                + "<Protocols><Protocol>TLSv1.2</Protocol></Protocols></SSLInfo>");
    }

    /** The record is never delivered: the writer keeps failing the handshake and retrying. */
    private void assertRefused(String name, Transport transport, String sslInfo) {
        DeployedPolicy policy = deploy(name, transport, "TCP", sslInfo, "INFO");
        policy.execute(call("/" + name + "/1"));
        double reconnects = 0;
        while (reconnects < 3) {
            sleep(50);
            reconnects = registry.get("messagelogging.reconnects").counter().count();
        }
        assertEquals(0, registry.get("messagelogging.records.sent").counter().count(), "nothing was delivered");
        assertTrue(syslog.records(transport).stream().noneMatch(r -> r.contains("/" + name + "/")));
    }

    @Test
    void rsyslogKilledMidRun() {
        DeployedPolicy policy = deploy("Resilient", Transport.TCP, "TCP", "", "INFO");
        for (int i = 0; i < 100; i++) {
            policy.execute(call("/before/" + i));
        }
        assertEquals(100, received(Transport.TCP, "/before/", 100).size());

        syslog.kill();
        // calls go on; once the writer has seen the connection fail, it keeps what is queued
        while (registry.get("messagelogging.reconnects").counter().count() < 1) {
            policy.execute(call("/probe"));
            sleep(20);
        }
        int during = 2500;
        for (int i = 0; i < during; i++) {
            policy.execute(call("/during/" + i)); // never waits: the queue takes it or drops it
        }
        long dropped = runtime.destinations().get(0).dropped(DropReason.QUEUE_FULL);
        assertTrue(dropped >= during - 1000, "the queue holds 1000: at least " + (during - 1000) + " dropped, got " + dropped);
        assertEquals(dropped, (long) registry.get("messagelogging.records.dropped").tag("reason", "queue_full").counter().count());

        syslog.restart();
        // drop-newest: the first ones were queued, in order, and all of them arrive
        int accepted = (int) (during - dropped);
        assertEquals(IntStream.range(0, accepted).mapToObj(i -> "GET /during/" + i + " by anonymous").toList(),
                received(Transport.TCP, "/during/", accepted));
        policy.execute(call("/after/1"));
        assertEquals(List.of("GET /after/1 by anonymous"), received(Transport.TCP, "/after/", 1));
        assertTrue(registry.get("messagelogging.reconnects").counter().count() >= 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
