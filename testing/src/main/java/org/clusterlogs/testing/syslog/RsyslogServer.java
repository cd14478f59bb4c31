package org.clusterlogs.testing.syslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real rsyslog for tests: Debian's {@code rsyslogd} as its own process ({@code rsyslogd -n -f <conf>
 * -i <pidfile>}), listening on loopback only on four free ports — UDP ({@code imudp}), plain TCP,
 * TLS ({@code imtcp}, the {@code ossl} stream driver with a certificate for {@code localhost}
 * and {@code 127.0.0.1} signed by a CA this class makes with {@code openssl}), and TLS that also
 * requires a client certificate of that CA ({@link #clientKeyStore()}) — and writing every
 * record it receives, exactly as received ({@code %rawmsg%}), one per line, to a file per
 * transport. {@link #kill()} and {@link #restart()} let a test take it away and bring it back on
 * the same ports. Nothing is skipped: without rsyslog installed, {@link #start()} fails and says
 * what to install.
 *
 * <pre>{@code
 * try (RsyslogServer syslog = RsyslogServer.start()) {
 *     send to 127.0.0.1:syslog.port(Transport.TCP) ...
 *     List<String> lines = syslog.awaitRecords(Transport.TCP, 3, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class RsyslogServer implements AutoCloseable {

    /** The listeners; {@code TLS_CLIENT_AUTH} accepts only clients with a certificate from {@link #clientKeyStore()}'s CA. */
    public enum Transport { UDP, TCP, TLS, TLS_CLIENT_AUTH }

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Path dir;
    private final int udpPort;
    private final int tcpPort;
    private final int tlsPort;
    private final int mutualTlsPort;
    private Process process;

    private RsyslogServer(Path dir, int udpPort, int tcpPort, int tlsPort, int mutualTlsPort) {
        this.dir = dir;
        this.udpPort = udpPort;
        this.tcpPort = tcpPort;
        this.tlsPort = tlsPort;
        this.mutualTlsPort = mutualTlsPort;
    }

    /** Makes the CA and the server certificate, writes the configuration and starts rsyslogd. */
    public static RsyslogServer start() {
        if (!Files.isExecutable(RSYSLOGD) || !hasOpenSslDriver()) {
            throw new IllegalStateException("rsyslog with its OpenSSL driver is not installed (" + RSYSLOGD
                    + ", /usr/lib/<arch>/rsyslog/lmnsd_ossl.so). Install it with: apt-get install -y rsyslog rsyslog-openssl");
        }
        try {
            Path dir = Files.createTempDirectory("rsyslog-test-");
            RsyslogServer server = new RsyslogServer(dir, freeUdpPort(), freeTcpPort(), freeTcpPort(), freeTcpPort());
            server.makeCertificates();
            Files.writeString(dir.resolve("rsyslog.conf"), server.config(), StandardCharsets.UTF_8);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare rsyslog", e);
        }
    }

    public int port(Transport transport) {
        return switch (transport) {
            case UDP -> udpPort;
            case TCP -> tcpPort;
            case TLS -> tlsPort;
            case TLS_CLIENT_AUTH -> mutualTlsPort;
        };
    }

    /** The PEM file of the CA that signed the TLS listener's certificate: a client's trust store. */
    public Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** A PEM file with a client certificate signed by {@link #caFile()}'s CA and its private key. */
    public Path clientKeyStore() {
        return dir.resolve("client.pem");
    }

    /** The directory holding the CA, the configuration and the received records. */
    public Path directory() {
        return dir;
    }

    /** Every record received so far on that transport, in order of arrival. */
    public List<String> records(Transport transport) {
        Path file = dir.resolve(transport.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".log");
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // a record being written has no final LF yet: only complete lines count
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Waits until at least {@code count} records arrived on that transport; fails with what did arrive otherwise. */
    public List<String> awaitRecords(Transport transport, int count, Duration timeout) {
        return awaitRecords(transport, "", count, timeout);
    }

    /**
     * Waits until at least {@code count} records containing {@code marker} arrived on that transport
     * (tests sharing one server tell their records apart by a marker) and answers those records.
     */
    public List<String> awaitRecords(Transport transport, String marker, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> records = records(transport, marker);
        while (records.size() < count && System.nanoTime() < deadline) {
            sleep(50);
            records = records(transport, marker);
        }
        if (records.size() < count) {
            throw new AssertionError("rsyslog received " + records.size() + " of " + count + " records containing '"
                    + marker + "' over " + transport + " within " + timeout + "; last ones: "
                    + records.subList(Math.max(0, records.size() - 3), records.size()));
        }
        return records;
    }

    private List<String> records(Transport transport, String marker) {
        return records(transport).stream().filter(r -> r.contains(marker)).toList();
    }

    /** Kills rsyslogd at once (SIGKILL), as a crash would: connections drop, ports close. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        }
    }

    /** Starts rsyslogd again on the same ports, appending to the same files. */
    public void restart() {
        kill();
        launch();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Kills rsyslogd and deletes its directory. */
    @Override
    public void close() {
        kill();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private String config() {
        String d = dir.toString();
        return String.join("\n",
                "global(workDirectory=\"" + d + "\" maxMessageSize=\"256k\")",
                "module(load=\"imudp\")",
                "module(load=\"imtcp\" maxSessions=\"200\")",
                "template(name=\"raw\" type=\"string\" string=\"%rawmsg%\\n\")",
                "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + udpPort + "\" ruleset=\"udp\")",
                "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\" ruleset=\"tcp\")",
                tlsInput(tlsPort, "tls", "anon"),
                tlsInput(mutualTlsPort, "tls-client-auth", "x509/certvalid"),
                "ruleset(name=\"udp\") { action(type=\"omfile\" file=\"" + d + "/udp.log\" template=\"raw\") }",
                "ruleset(name=\"tcp\") { action(type=\"omfile\" file=\"" + d + "/tcp.log\" template=\"raw\") }",
                "ruleset(name=\"tls\") { action(type=\"omfile\" file=\"" + d + "/tls.log\" template=\"raw\") }",
                "ruleset(name=\"tls-client-auth\") { action(type=\"omfile\" file=\"" + d + "/tls-client-auth.log\" template=\"raw\") }",
                "");
    }

    /** An imtcp listener with the OpenSSL driver; authMode anon: any client, x509/certvalid: a client certificate of our CA. */
    private String tlsInput(int port, String ruleset, String authMode) {
        String d = dir.toString();
        return "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + port + "\" ruleset=\"" + ruleset + "\""
                + " streamDriver.name=\"ossl\" streamDriver.mode=\"1\" streamDriver.authMode=\"" + authMode + "\""
                + " streamDriver.CAFile=\"" + d + "/ca.pem\" streamDriver.CertFile=\"" + d + "/server.pem\""
                + " streamDriver.KeyFile=\"" + d + "/server.key\")";
    }

    private void makeCertificates() {
        String d = dir.toString();
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", d + "/ca.pem",
                "-days", "2", "-subj", "/CN=rsyslog test CA");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/server.key", "-out", d + "/server.csr",
                "-subj", "/CN=localhost");
        try {
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl("x509", "-req", "-in", d + "/server.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-out", d + "/server.pem", "-days", "2", "-extfile", d + "/server.ext");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/client.key", "-out", d + "/client.csr",
                "-subj", "/CN=message-logging test client");
        openssl("x509", "-req", "-in", d + "/client.csr", "-CA", d + "/ca.pem", "-CAkey", d + "/ca.key",
                "-CAcreateserial", "-out", d + "/client.crt", "-days", "2");
        try {
            // one PEM file with the certificate and its key: what SSLInfo's KeyStore names
            Files.writeString(clientKeyStore(), Files.readString(dir.resolve("client.crt")) + Files.readString(dir.resolve("client.key")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openssl(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("failed: " + command + "\n" + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (apt-get install -y openssl)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() {
        try {
            process = new ProcessBuilder(RSYSLOGD.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                    "-i", dir.resolve("rsyslogd.pid").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + RSYSLOGD, e);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!(accepts(tcpPort) && accepts(tlsPort) && accepts(mutualTlsPort))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String out = read(dir.resolve("rsyslogd.out"));
                kill();
                throw new IllegalStateException("rsyslogd did not start listening: " + out);
            }
            sleep(50);
        }
    }

    /** Debian puts rsyslog's modules under the multiarch directory: /usr/lib/x86_64-linux-gnu/rsyslog, ... */
    private static boolean hasOpenSslDriver() {
        try (Stream<Path> libs = Files.list(Path.of("/usr/lib"))) {
            return libs.anyMatch(lib -> Files.exists(lib.resolve("rsyslog/lmnsd_ossl.so")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
