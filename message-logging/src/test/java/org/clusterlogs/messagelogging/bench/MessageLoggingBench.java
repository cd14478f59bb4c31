package org.clusterlogs.messagelogging.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.clusterlogs.messagelogging.DeployedPolicy;
import org.clusterlogs.messagelogging.MessageLoggingRuntime;
import org.clusterlogs.messagelogging.MessageLoggingSettings;
import org.clusterlogs.messagelogging.delivery.Destination;
import org.clusterlogs.messagelogging.delivery.DropReason;
import org.clusterlogs.messagelogging.file.FileScope;
import org.clusterlogs.messagelogging.policy.LogLevel;
import org.clusterlogs.messagelogging.policy.MessageLoggingPolicy;
import org.clusterlogs.messagelogging.syslog.SyslogHeader;
import org.clusterlogs.messagelogging.template.FlowContext;
import org.clusterlogs.messagelogging.testsupport.Policies;
import org.clusterlogs.testing.syslog.RsyslogServer;
import org.clusterlogs.testing.syslog.RsyslogServer.Transport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The data plane's sustained throughput, next to a baseline measured in the same run: records/s
 * to a rotated file (baseline: a plain FileChannel loop writing the same lines) and to rsyslog over
 * TCP (baseline: {@code nc} sending the same lines to the same rsyslog). Each destination is run
 * closed-loop (the producer waits while the queue is full, so nothing is dropped and the rate is
 * what the writer sustains) and open-loop at the goal rate (the producer never waits; drops, if
 * any, are reported). Run by {@code bench/messagelogging.sh}; prints a markdown table.
 */
public final class MessageLoggingBench {

    private static final String TEMPLATE = "{request.verb} {request.uri} {response.status.code} user={user.uid}"
            + " client={client.ip} id={messageid} at={system.timestamp} agent={request.header.User-Agent}";
    private static final FileScope SCOPE = new FileScope("bench", "bench", "bench", 1, "Bench");

    private final int records;
    private final int openLoopSeconds;
    private final Path work;
    private final List<String> rows = new ArrayList<>();
    private final FlowContext[] calls;

    private MessageLoggingBench(int records, int openLoopSeconds, Path work) {
        this.records = records;
        this.openLoopSeconds = openLoopSeconds;
        this.work = work;
        this.calls = new FlowContext[1024];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = FlowContext.builder().set("request.verb", i % 7 == 0 ? "POST" : "GET")
                    .set("request.uri", "/system/v1/logs/v2/task/web-" + i + "/file/stdout?cursor=END&skip=-100")
                    .set("response.status.code", i % 13 == 0 ? 404 : 200).set("user.uid", "user" + (i % 50))
                    .set("client.ip", "10.0.0." + (i % 250)).set("messageid", "msg-" + i)
                    .set("system.timestamp", 1_764_500_000_000L + i).requestHeader("User-Agent", "bench/1.0").build();
        }
    }

    public static void main(String[] args) throws Exception {
        String parts = args.length > 0 ? args[0] : "file,tcp";
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path work = Files.createTempDirectory(Path.of(System.getProperty("bench.tmp", "/tmp")), "ml-bench-");
        MessageLoggingBench bench = new MessageLoggingBench(records, seconds, work);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        Vertx vertx = Vertx.vertx();
        try {
            if (parts.contains("file")) {
                bench.file(vertx);
            }
            if (parts.contains("tcp")) {
                bench.tcp(vertx);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            deleteTree(work);
        }
        System.out.println();
        System.out.println("| destination | measure | records | seconds | records/s | dropped | lost |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        bench.rows.forEach(System.out::println);
        System.out.println();
        System.out.println("load average before: " + loadBefore + "; after: " + Files.readString(Path.of("/proc/loadavg")).strip()
                + "; cores: " + Runtime.getRuntime().availableProcessors());
    }

    // ---- file ----

    private void file(Vertx vertx) throws Exception {
        Path root = work.resolve("files");
        String xml = "<MessageLogging name=\"Bench\"><File><Message>" + escape(TEMPLATE) + "</Message><FileName>bench.log</FileName>"
                + "<FileRotationOptions rotateFileOnStartup=\"true\"><FileRotationType>TIME_SIZE</FileRotationType>"
                + "<MaxFileSizeInMB>16</MaxFileSizeInMB><RotationFrequency unit=\"minute\">1</RotationFrequency>"
                + "<MaxFilesToRetain>0</MaxFilesToRetain></FileRotationOptions></File></MessageLogging>";
        MessageLoggingPolicy policy = Policies.parse("Bench", xml);
        warmUp(vertx, policy, root.resolve("warm-up"));

        Path closedRoot = root.resolve("closed");
        Result closed = run(vertx, policy, closedRoot, records, 0);
        long lines = countLines(closedRoot);
        rows.add(row("file, TIME_SIZE 16 MiB", "closed loop (queue never overflows)", closed, records - lines));
        System.err.printf("file closed loop: %d files written%n", countFiles(closedRoot));

        Path openRoot = root.resolve("open");
        int goal = 100_000;
        Result open = run(vertx, policy, openRoot, goal * openLoopSeconds, goal);
        rows.add(row("file, TIME_SIZE 16 MiB", "open loop at " + goal + "/s", open, open.offered - open.dropped - countLines(openRoot)));

        rows.add(fileBaseline(root.resolve("baseline.log")));
        System.err.printf("lines of %.0f bytes on average%n", renderedLines().stream().mapToInt(l -> l.length).average().orElse(0));
    }

    private String fileBaseline(Path file) throws IOException {
        List<byte[]> lines = renderedLines();
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            for (int i = 0; i < records; i++) {
                byte[] line = lines.get(i % lines.size());
                if (buffer.remaining() < line.length) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    buffer.clear();
                }
                buffer.put(line);
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("| file | baseline: FileChannel loop, same lines, pre-rendered | %d | %.2f | %,.0f | - | - |",
                records, seconds, records / seconds);
    }

    // ---- tcp ----

    private void tcp(Vertx vertx) throws Exception {
        try (RsyslogServer syslog = RsyslogServer.start()) {
            String xml = "<MessageLogging name=\"Bench\"><Syslog><Message>" + escape(TEMPLATE) + "</Message><Host>127.0.0.1</Host>"
                    + "<Port>" + syslog.port(Transport.TCP) + "</Port><Protocol>TCP</Protocol><FormatMessage>true</FormatMessage>"
                    + "</Syslog></MessageLogging>";
            MessageLoggingPolicy policy = Policies.parse("Bench", xml);
            LineCounter received = new LineCounter(syslog.directory().resolve("tcp.log"));
            warmUp(vertx, policy, work.resolve("unused"));
            awaitQuiet(received);

            long before = received.lines();
            Result closed = run(vertx, policy, work.resolve("unused"), records, 0, () -> received.lines() - before >= records);
            rows.add(row("rsyslog over TCP (LF)", "closed loop, until rsyslog wrote them all", closed,
                    records - (received.lines() - before)));

            int goal = 50_000;
            long beforeOpen = received.lines();
            int offered = goal * openLoopSeconds;
            Result open = run(vertx, policy, work.resolve("unused"), offered, goal,
                    () -> received.lines() - beforeOpen >= offered - lastDropped);
            rows.add(row("rsyslog over TCP (LF)", "open loop at " + goal + "/s", open,
                    offered - open.dropped - (received.lines() - beforeOpen)));

            rows.add(ncBaseline(syslog, received));
        }
    }

    /** What the last run dropped: the open loop's end condition needs it before the run returns. */
    private volatile long lastDropped;

    private String ncBaseline(RsyslogServer syslog, LineCounter received) throws Exception {
        Path input = work.resolve("nc-input.log");
        List<byte[]> lines = renderedLines();
        MessageLoggingSettings defaults = MessageLoggingSettings.defaults();
        SyslogHeader header = new SyslogHeader(LogLevel.INFO, defaults.dateFormat(), defaults.timeZone(), defaults.hostId(),
                defaults.appName());
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < records; i++) {
                // the same bytes the policy sends: its header, then the message
                out.write(header.format(System.currentTimeMillis(), new String(lines.get(i % lines.size()), StandardCharsets.UTF_8)));
            }
        }
        long before = received.lines();
        long start = System.nanoTime();
        Process nc = new ProcessBuilder("nc", "-N", "127.0.0.1", Integer.toString(syslog.port(Transport.TCP)))
                .redirectInput(input.toFile()).redirectErrorStream(true).start();
        nc.waitFor();
        while (received.lines() - before < records) {
            LockSupport.parkNanos(5_000_000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("| rsyslog over TCP | baseline: nc sending the same bytes (header and message), until rsyslog wrote them all | %d | %.2f | %,.0f | - | %d |",
                records, seconds, records / seconds, records - (received.lines() - before));
    }

    // ---- driver ----

    private record Result(long offered, double seconds, long dropped) {
    }

    private void warmUp(Vertx vertx, MessageLoggingPolicy policy, Path root) {
        run(vertx, policy, root, Math.min(records, 300_000), 0);
    }

    private Result run(Vertx vertx, MessageLoggingPolicy policy, Path root, int count, int ratePerSecond) {
        return run(vertx, policy, root, count, ratePerSecond, () -> true);
    }

    /**
     * Executes the policy {@code count} times: closed loop (rate 0: wait while the queue is full) or
     * paced at a fixed rate without ever waiting; then closes the runtime (which flushes) and waits
     * for {@code delivered} (the far end has everything). The time runs from the first call to that.
     */
    private Result run(Vertx vertx, MessageLoggingPolicy policy, Path root, int count, int ratePerSecond,
                       java.util.function.BooleanSupplier delivered) {
        MessageLoggingSettings settings = MessageLoggingSettings.of(Map.of("messagelogging.file.root", root.toString(),
                "messagelogging.close-timeout", "600s"));
        MessageLoggingRuntime runtime = new MessageLoggingRuntime(vertx, new SimpleMeterRegistry(), settings, Clock.systemUTC());
        DeployedPolicy deployed = runtime.deploy(policy, SCOPE);
        Destination destination = runtime.destinations().get(0);
        int capacity = settings.queueCapacity();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (ratePerSecond > 0) {
                long due = start + (long) i * 1_000_000_000L / ratePerSecond;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(50_000);
                }
            } else {
                while (destination.queued() >= capacity) {
                    Thread.onSpinWait();
                }
            }
            deployed.execute(calls[i & (calls.length - 1)]);
        }
        long dropped = destination.dropped(DropReason.QUEUE_FULL) + destination.dropped(DropReason.OVERSIZE);
        lastDropped = dropped;
        runtime.close();
        while (!delivered.getAsBoolean()) {
            LockSupport.parkNanos(5_000_000);
        }
        return new Result(count, (System.nanoTime() - start) / 1e9, dropped);
    }

    private String row(String destination, String measure, Result r, long lost) {
        return String.format("| %s | %s | %d | %.2f | %,.0f | %d | %d |", destination, measure, r.offered, r.seconds,
                r.offered / r.seconds, r.dropped, lost);
    }

    /** The lines the policy writes (same calls, same order), for the baselines. */
    private List<byte[]> renderedLines() {
        MessageLoggingPolicy policy = Policies.parse("Bench", "<MessageLogging name=\"Bench\"><File><Message>" + escape(TEMPLATE)
                + "</Message><FileName>x</FileName></File></MessageLogging>");
        List<byte[]> lines = new ArrayList<>();
        for (FlowContext call : calls) {
            lines.add((policy.file().orElseThrow().message().render(call) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static String escape(String template) {
        return template.replace("&", "&amp;").replace("<", "&lt;");
    }

    private static long countLines(Path root) throws IOException {
        long lines = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                lines += new LineCounter(p).lines();
            }
        }
        return lines;
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Counts the LFs of a growing file, reading only what was added since the last call. */
    private static final class LineCounter {
        private final Path file;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        private long position;
        private long lines;

        LineCounter(Path file) {
            this.file = file;
        }

        synchronized long lines() {
            if (!Files.exists(file)) {
                return 0;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(position);
                int read;
                while ((read = channel.read(buffer)) > 0) {
                    position += read;
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        if (buffer.get() == '\n') {
                            lines++;
                        }
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return lines;
        }
    }

    private static void awaitQuiet(LineCounter file) {
        long last = -1;
        long now = file.lines();
        while (now != last) {
            LockSupport.parkNanos(300_000_000L);
            last = now;
            now = file.lines();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
