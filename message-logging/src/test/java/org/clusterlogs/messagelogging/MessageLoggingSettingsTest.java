package org.clusterlogs.messagelogging;

import org.clusterlogs.messagelogging.file.FileLayout;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageLoggingSettingsTest {

    @Test
    void defaults() {
        MessageLoggingSettings s = MessageLoggingSettings.defaults();
        assertEquals(Path.of("/var/log/clusterlogs/messagelogging"), s.fileRoot());
        assertEquals(FileLayout.FLAT, s.fileLayout());
        assertEquals(10_000, s.queueCapacity());
        assertEquals(8 * 1024 * 1024, s.queueBytes());
        assertEquals(128 * 1024, s.maxRecordBytes());
        assertEquals("yyyy-MM-dd'T'HH:mm:ss.SSSZ", s.dateFormat());
        assertEquals(TimeZone.getTimeZone("UTC"), s.timeZone());
        assertEquals("Apigee-Edge", s.appName());
        assertTrue(s.hostId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), s.hostId());
        assertEquals(s.hostId(), MessageLoggingSettings.defaults().hostId(), "stable for a host");
        assertEquals(Duration.ofMillis(100), s.reconnectInitial());
        assertEquals(Duration.ofSeconds(30), s.reconnectMax());
        assertEquals(Duration.ofSeconds(5), s.closeTimeout());
        assertEquals(Duration.ofSeconds(10), s.ioTimeout());
        assertEquals(Duration.ofMillis(10), s.batchDelay());
    }

    @Test
    void everyKey() {
        MessageLoggingSettings s = MessageLoggingSettings.of(Map.ofEntries(
                Map.entry("messagelogging.file.root", "/data/ml"),
                Map.entry("messagelogging.file.layout", "Nested"),
                Map.entry("messagelogging.queue-capacity", "500"),
                Map.entry("messagelogging.queue-bytes", "2M"),
                Map.entry("messagelogging.max-record-size", "1M"),
                Map.entry("messagelogging.syslog.date-format", "yy/MM/dd"),
                Map.entry("messagelogging.syslog.time-zone", "Europe/Paris"),
                Map.entry("messagelogging.syslog.app-name", "clusterlogs"),
                Map.entry("messagelogging.syslog.host-id", "node-1"),
                Map.entry("messagelogging.syslog.io-timeout", "PT3S"),
                Map.entry("messagelogging.tls.dir", "/etc/tls"),
                Map.entry("messagelogging.reconnect.initial-delay", "250ms"),
                Map.entry("messagelogging.reconnect.max-delay", "2m"),
                Map.entry("messagelogging.close-timeout", "1h"),
                Map.entry("messagelogging.batch-delay", "0ms")));
        assertEquals(new MessageLoggingSettings(Path.of("/data/ml"), FileLayout.NESTED, 500, 2 * 1024 * 1024, 1024 * 1024, "yy/MM/dd",
                TimeZone.getTimeZone("Europe/Paris"), "clusterlogs", "node-1", Path.of("/etc/tls"), Duration.ofSeconds(3),
                Duration.ofMillis(250), Duration.ofMinutes(2), Duration.ofHours(1), Duration.ZERO), s);
        assertEquals("messagelogging.queue-bytes (65536) must be at least messagelogging.max-record-size (131072):"
                + " a queue must hold one record of the largest size", assertThrows(IllegalArgumentException.class,
                () -> MessageLoggingSettings.of(Map.of("messagelogging.queue-bytes", "64K"))).getMessage());
        assertEquals(128 * 1024, MessageLoggingSettings.bytes("max-record-size", "128K"));
        assertEquals(1000, MessageLoggingSettings.bytes("queue-bytes", "1000"));
        assertEquals("messagelogging.queue-bytes: not a size: lots",
                assertThrows(IllegalArgumentException.class, () -> MessageLoggingSettings.bytes("queue-bytes", "lots")).getMessage());
    }
}
