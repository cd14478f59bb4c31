package org.clusterlogs.messagelogging;

import org.clusterlogs.messagelogging.delivery.QueueSettings;
import org.clusterlogs.messagelogging.file.FileLayout;
import org.clusterlogs.messagelogging.file.FileScope;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service-side settings of the data plane, under the {@code messagelogging.} prefix of the
 * service's configuration. Plain Java (no Quarkus config mapping) so that tests and benchmarks
 * build them from a map; a service reads them with
 * {@code MessageLoggingSettings.from(key -> config.getOptionalValue(key, String.class))}.
 *
 * @param fileRoot          {@code messagelogging.file.root}: the directory every file destination lives under
 * @param fileLayout        {@code messagelogging.file.layout}: {@code flat} (default), {@code prefixed} or {@code nested}
 * @param queueCapacity     {@code messagelogging.queue-capacity}: records per destination queue (10000)
 * @param queueBytes        {@code messagelogging.queue-bytes}: message bytes per destination queue (8M)
 * @param maxRecordBytes    {@code messagelogging.max-record-size}: longest rendered message in bytes (128K)
 * @param dateFormat        {@code messagelogging.syslog.date-format}: the header timestamp when a policy has no DateFormat
 * @param timeZone          {@code messagelogging.syslog.time-zone}: the zone of header timestamps (UTC)
 * @param appName           {@code messagelogging.syslog.app-name}: the header's APP-NAME ({@code Apigee-Edge})
 * @param hostId            {@code messagelogging.syslog.host-id}: the header's HOSTNAME (a UUID derived from the host name)
 * @param tlsDir            {@code messagelogging.tls.dir}: where SSLInfo's KeyStore and TrustStore files are
 * @param ioTimeout         {@code messagelogging.syslog.io-timeout}: longest connect or write before a connection counts as lost (10s)
 * @param reconnectInitial  {@code messagelogging.reconnect.initial-delay}: first wait after a failure (100ms)
 * @param reconnectMax      {@code messagelogging.reconnect.max-delay}: longest wait between attempts (30s)
 * @param closeTimeout      {@code messagelogging.close-timeout}: how long closing waits for queues to drain (5s)
 * @param batchDelay        {@code messagelogging.batch-delay}: how long a writer woken by a record waits for more
 *                          to send with it (10ms; 0ms sends each record at once)
 */
public record MessageLoggingSettings(Path fileRoot, FileLayout fileLayout, int queueCapacity, int queueBytes, int maxRecordBytes,
                                     String dateFormat, TimeZone timeZone, String appName, String hostId, Path tlsDir,
                                     Duration ioTimeout, Duration reconnectInitial, Duration reconnectMax,
                                     Duration closeTimeout, Duration batchDelay) {

    public static final String PREFIX = "messagelogging.";

    public static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)([KkMm]?)");

    public MessageLoggingSettings {
        if (queueBytes < maxRecordBytes) {
            throw new IllegalArgumentException(PREFIX + "queue-bytes (" + queueBytes + ") must be at least "
                    + PREFIX + "max-record-size (" + maxRecordBytes + "): a queue must hold one record of the largest size");
        }
    }

    /** Where a policy's {@code FileName} is written, in this layout under this root, absolute and normalised. */
    public Path filePath(FileScope scope, String fileName) {
        return fileLayout().resolve(fileRoot(), scope, fileName).toAbsolutePath().normalize();
    }

    /** Every default: what {@code from(key -> Optional.empty())} gives. */
    public static MessageLoggingSettings defaults() {
        return from(key -> Optional.empty());
    }

    /** Settings from a map of the keys above (tests, benchmarks). */
    public static MessageLoggingSettings of(Map<String, String> values) {
        return from(key -> Optional.ofNullable(values.get(key)));
    }

    /**
     * Reads every key through {@code config}, which answers a full key such as
     * {@code messagelogging.file.root}; absent keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key whose value cannot be used
     */
    public static MessageLoggingSettings from(Function<String, Optional<String>> config) {
        Function<String, Optional<String>> get = key -> config.apply(PREFIX + key).map(String::strip);
        return new MessageLoggingSettings(
                Path.of(get.apply("file.root").orElse("/var/log/clusterlogs/messagelogging")),
                get.apply("file.layout").map(v -> FileLayout.valueOf(v.toUpperCase(Locale.ROOT))).orElse(FileLayout.FLAT),
                get.apply("queue-capacity").map(Integer::parseInt).orElse(10_000),
                get.apply("queue-bytes").map(v -> bytes("queue-bytes", v)).orElse(8 * 1024 * 1024),
                get.apply("max-record-size").map(v -> bytes("max-record-size", v)).orElse(128 * 1024),
                get.apply("syslog.date-format").orElse(DEFAULT_DATE_FORMAT),
                TimeZone.getTimeZone(get.apply("syslog.time-zone").orElse("UTC")),
                get.apply("syslog.app-name").orElse("Apigee-Edge"),
                get.apply("syslog.host-id").orElseGet(MessageLoggingSettings::hostUuid),
                Path.of(get.apply("tls.dir").orElse("/etc/clusterlogs/messagelogging-tls")),
                get.apply("syslog.io-timeout").map(MessageLoggingSettings::duration).orElse(Duration.ofSeconds(10)),
                get.apply("reconnect.initial-delay").map(MessageLoggingSettings::duration).orElse(Duration.ofMillis(100)),
                get.apply("reconnect.max-delay").map(MessageLoggingSettings::duration).orElse(Duration.ofSeconds(30)),
                get.apply("close-timeout").map(MessageLoggingSettings::duration).orElse(Duration.ofSeconds(5)),
                get.apply("batch-delay").map(MessageLoggingSettings::duration).orElse(Duration.ofMillis(10)));
    }

    /** What every destination's queue and writer use. */
    public QueueSettings queueSettings() {
        return new QueueSettings(queueCapacity, queueBytes, maxRecordBytes, reconnectInitial, reconnectMax, closeTimeout, batchDelay);
    }

    /** {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, or an ISO-8601 duration ({@code PT5S}). */
    static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            return Duration.parse(value);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** {@code 131072}, {@code 128K} or {@code 1M}, the value of {@code key}. */
    static int bytes(String key, String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(PREFIX + key + ": not a size: " + value);
        }
        int factor = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1024;
            case "M" -> 1024 * 1024;
            default -> 1;
        };
        return Math.multiplyExact(Integer.parseInt(m.group(1)), factor);
    }

    /** Stable for a host and UUID-shaped like the reference's message processor ids. */
    private static String hostUuid() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return UUID.nameUUIDFromBytes(("messagelogging:" + host).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
