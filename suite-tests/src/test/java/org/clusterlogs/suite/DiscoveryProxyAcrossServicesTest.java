package org.clusterlogs.suite;

import org.clusterlogs.testing.process.LocalCluster;
import org.clusterlogs.testing.process.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The cluster's one address: the four packaged services as processes ({@link LocalCluster}),
 * with authentication on. discovery-service's index is a {@code state.json} file naming the task
 * {@code nginx} of framework {@code marathon} on the agent whose id log-service is given, at
 * 127.0.0.1. Everything below goes through discovery: the
 * login (its cookies arrive), {@code curl -L} from the task route through the agent proxy to
 * the file's exact bytes, a live stream that sees an appended line and resumes with
 * {@code Last-Event-ID}, a client that leaves (log-service's open streams drop to 0), and the
 * DC/OS documentation's lookup script run unchanged with bash, curl and jq.
 */
class DiscoveryProxyAcrossServicesTest {

    private static final String AGENT_ID = LocalCluster.AGENT_ID;
    private static final String SANDBOX = LocalCluster.SANDBOX;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern ID = Pattern.compile("(?m)^id: (\\S+)$");

    @TempDir
    static Path work;

    private static LocalCluster cluster;
    private static ServiceProcess logs;
    private static ServiceProcess discovery;
    private static Path stdout;
    private static String token;
    private static HttpResponse<String> loginAnswer;

    @BeforeAll
    static void startTheCluster() throws Exception {
        cluster = LocalCluster.start(work);
        logs = cluster.logService();
        discovery = cluster.discoveryService();
        stdout = cluster.taskFile("stdout");
        loginAnswer = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.url() + "/acs/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"uid\":\"admin\",\"password\":\"" + cluster.adminPassword() + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loginAnswer.statusCode(), loginAnswer.body() + "\n" + cluster.output());
        token = JSON.readTree(loginAnswer.body()).path("token").asText();
    }

    @AfterAll
    static void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aLoginThroughDiscoverySetsAuthServicesCookies() {
        List<String> cookies = loginAnswer.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("dcos-acs-auth-cookie=" + token + ";")), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("dcos-acs-info-cookie=")), cookies.toString());
    }

    @Test
    void curlFollowsTheRedirectThroughTheAgentProxyToTheFilesBytes() throws Exception {
        assertArrayEquals(Files.readAllBytes(stdout),
                run("curl", "-sfL", "-H", "Authorization: token=" + token,
                        discovery.url() + "/system/v1/logs/v2/task/nginx/download"));
        List<String> lines = Files.readAllLines(stdout); // other tests append to the file
        assertEquals(lines.get(lines.size() - 1) + "\n", new String(run("curl", "-sfL", "-H", "Authorization: token=" + token,
                discovery.url() + "/system/v1/logs/v2/task/nginx?cursor=END&skip=-1"), StandardCharsets.UTF_8));
        // the cookie of the login through discovery is a token as good as the header
        assertArrayEquals(Files.readAllBytes(stdout), run("curl", "-sfL", "-b", "dcos-acs-auth-cookie=" + token,
                discovery.url() + "/system/v1/logs/v2/task/nginx/download"));
    }

    @Test
    void theAgentRouteNeedsATokenAndLogServiceChecksItAgain() throws Exception {
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(discovery.url() + agentPath("/stdout"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertEquals("acsjwt", none.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void aLiveStreamThroughTheProxySeesAnAppendedLineAndResumesWithoutLossOrRepetition() throws Exception {
        String lastId;
        try (Socket socket = new Socket("127.0.0.1", URI.create(discovery.url()).getPort())) {
            BufferedReader events = follow(socket, "/stdout?cursor=BEG", null);
            assertEquals(List.of("first", "second"), messages(events, 2, new ArrayList<>()));
            append("third\n");
            List<String> ids = new ArrayList<>();
            assertEquals(List.of("third"), messages(events, 1, ids));
            lastId = ids.get(0);
        }
        append("fourth\nfifth\n");
        try (Socket socket = new Socket("127.0.0.1", URI.create(discovery.url()).getPort())) {
            BufferedReader events = follow(socket, "/stdout", lastId);
            assertEquals(List.of("fourth", "fifth"), messages(events, 2, new ArrayList<>()));
            append("sixth\n");
            assertEquals(List.of("sixth"), messages(events, 1, new ArrayList<>()));
        }
    }

    @Test
    void aClientThatLeavesEndsTheStreamAtLogService() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", URI.create(discovery.url()).getPort())) {
            BufferedReader events = follow(socket, "/stdout?cursor=END&skip=-1", null);
            assertEquals(1, messages(events, 1, new ArrayList<>()).size());
            assertTrue(openStreams() >= 1, "log-service counts the stream");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (openStreams() != 0) {
            if (System.nanoTime() > deadline) {
                fail("log-service still has " + openStreams() + " open streams\n" + discovery.output());
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theDocumentationsLookupScriptRunsUnchangedAgainstDiscovery() throws Exception {
        Path script = Path.of("src/test/resources/seed/task-state-lookup.sh").toAbsolutePath();
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).redirectErrorStream(false);
        bash.environment().put("DCOS_URL", discovery.url());
        bash.environment().put("DCOS_AUTH_TOKEN", token);
        Process process = bash.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not finish");
        JsonNode read = JSON.readTree(out);
        assertEquals(0, read.path("offset").asLong(), new String(out, StandardCharsets.UTF_8));
        assertEquals(Files.readString(stdout), read.path("data").asText());
    }

    /**
     * What log-service answers is what a client of the cluster address gets: status, the headers
     * clients of the DC/OS API look at, and the body (problem bodies but for their {@code instance},
     * which names the path the client asked for), for text, NDJSON, download, browse, positioning
     * and the errors.
     */
    @Test
    void logServicesAnswersReachTheClientUnchangedThroughTheClusterAddress() throws Exception {
        List<List<String>> requests = List.of(
                List.of("/stdout?cursor=BEG&limit=1", "text/plain"),
                List.of("/stdout?cursor=END&skip=-2&limit=1", "*/*"),
                List.of("/stdout?cursor=BEG&skip=1", "application/json"),
                List.of("/stdout/download", "*/*"),
                List.of("/files/browse", "application/json"),
                List.of("/no-such-file", "text/plain"),
                List.of("/stdout?limit=-3", "text/plain"),
                List.of("/stdout?cursor=nonsense", "application/json"));
        for (List<String> request : requests) {
            String what = request.get(0) + " Accept: " + request.get(1);
            HttpResponse<byte[]> direct = get(logs.url() + "/system/v1/logs/v2/task/" + SANDBOX + request.get(0),
                    request.get(1));
            HttpResponse<byte[]> proxied = get(discovery.url() + agentPath(request.get(0)), request.get(1));
            assertEquals(direct.statusCode(), proxied.statusCode(), what);
            for (String header : List.of("Content-Type", "Content-Length", "Content-Disposition", "Cache-Control",
                    "Access-Control-Allow-Origin", "X-Content-Type-Options")) {
                assertEquals(direct.headers().firstValue(header), proxied.headers().firstValue(header), what + ": " + header);
            }
            if (direct.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
                JsonNode directProblem = JSON.readTree(direct.body());
                JsonNode proxiedProblem = JSON.readTree(proxied.body());
                ((ObjectNode) directProblem).remove("instance");
                ((ObjectNode) proxiedProblem).remove("instance");
                assertEquals(directProblem, proxiedProblem, what);
            } else {
                assertArrayEquals(direct.body(), proxied.body(), what);
            }
        }
        // and the facts DC/OS clients were promised, through the cluster address
        HttpResponse<byte[]> download = get(discovery.url() + agentPath("/stdout/download"), "*/*");
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"?stdout\"?"),
                download.headers().map().toString());
        JsonNode browse = JSON.readTree(get(discovery.url() + agentPath("/files/browse"), "application/json").body());
        assertTrue(browse.isArray() && browse.size() > 0, browse.toString());
        for (JsonNode entry : browse) {
            for (String key : List.of("gid", "mode", "mtime", "nlink", "path", "size", "uid")) {
                assertTrue(entry.has(key), key + " in " + entry);
            }
        }
    }

    // ------------------------------------------------------------------------------------ helpers

    private static HttpResponse<byte[]> get(String url, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "token=" + token)
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String agentPath(String file) {
        return "/system/v1/agent/" + AGENT_ID + "/logs/v2/task/" + SANDBOX + file;
    }

    /**
     * Opens an SSE stream at the agent route on a socket of its own (so closing it is the client
     * leaving); answers the event stream's lines, the chunked transfer coding taken off.
     */
    private static BufferedReader follow(Socket socket, String file, String lastEventId) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + agentPath(file) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: token=" + token
                + "\r\nAccept: text/event-stream\r\n" + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n")
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(20_000);
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String status = headLine(in);
        assertTrue(status.startsWith("HTTP/1.1 200"), status + "\n" + discovery.output());
        boolean chunked = false;
        for (String header = headLine(in); !header.isEmpty(); header = headLine(in)) {
            chunked |= header.equalsIgnoreCase("Transfer-Encoding: chunked");
        }
        assertTrue(chunked, "an endless stream is chunked");
        return new BufferedReader(new InputStreamReader(new Dechunked(in), StandardCharsets.UTF_8));
    }

    private static String headLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection ended in the response head: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** The body of a chunked response: chunk sizes read and dropped, so an event split over chunks stays whole. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private long left;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (left == 0) {
                String size = headLine(in).trim();
                if (size.isEmpty()) {
                    continue; // the CRLF that ends the previous chunk
                }
                left = Long.parseLong(size.split(";")[0], 16);
                if (left == 0) {
                    return -1;
                }
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }
    }

    /** The next {@code count} events' messages (pings skipped); their ids go to {@code ids}. */
    private static List<String> messages(BufferedReader in, int count, List<String> ids) throws IOException {
        List<String> messages = new ArrayList<>();
        String line;
        while (messages.size() < count && (line = in.readLine()) != null) {
            Matcher id = ID.matcher(line);
            if (id.matches()) {
                ids.add(id.group(1));
            } else if (line.startsWith("data: ")) {
                messages.add(JSON.readTree(line.substring(6)).path("fields").path("MESSAGE").asText());
            }
        }
        return messages;
    }

    private static void append(String lines) throws IOException {
        cluster.append("stdout", lines);
    }

    private static int openStreams() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(logs.url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher open = Pattern.compile("(?m)^logs_streams_open(?:\\{[^}]*})? ([0-9.]+)$").matcher(metrics);
        assertTrue(open.find(), metrics);
        return (int) Double.parseDouble(open.group(1));
    }

    private static byte[] run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + discovery.output());
        return out;
    }
}
