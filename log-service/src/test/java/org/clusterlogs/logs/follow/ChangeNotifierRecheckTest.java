package org.clusterlogs.logs.follow;

import org.clusterlogs.logs.config.LogsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The periodic re-check wakes the follower of a file only when the file looks different (so
 * 1000 idle followers cost a stat per file, not a read each), and always a follower of a
 * directory or of nothing on disk.
 */
class ChangeNotifierRecheckTest {

    private static final long PERIOD_MS = 100;

    @TempDir
    Path tmp;

    private ChangeNotifier notifier;

    @BeforeEach
    void start() throws IOException {
        LogsConfig config = (LogsConfig) Proxy.newProxyInstance(LogsConfig.class.getClassLoader(),
                new Class<?>[]{LogsConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("followRecheck")) {
                        return Duration.ofMillis(PERIOD_MS);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        notifier = new ChangeNotifier(config);
        notifier.start(null);
    }

    @AfterEach
    void stop() throws IOException {
        notifier.stop(null);
    }

    @Test
    void anUnchangedFileWakesItsFollowersOnceThenNotAgain() throws Exception {
        Path file = Files.writeString(tmp.resolve("stdout"), "a\n");
        Path dir = Files.createDirectories(tmp.resolve("pod"));
        AtomicInteger fileWakes = new AtomicInteger();
        AtomicInteger dirWakes = new AtomicInteger();
        AtomicInteger nothingWakes = new AtomicInteger();
        try (ChangeNotifier.Subscription a = notifier.watch(List.of(file), fileWakes::incrementAndGet);
             ChangeNotifier.Subscription b = notifier.watch(List.of(dir), dirWakes::incrementAndGet);
             ChangeNotifier.Subscription c = notifier.watch(List.of(), nothingWakes::incrementAndGet)) {
            Thread.sleep(PERIOD_MS * 6);
            assertEquals(1, fileWakes.get(), "the first re-check, then none while the file stays the same");
            assertTrue(dirWakes.get() >= 4, "a directory's followers at every re-check: " + dirWakes.get());
            assertTrue(nothingWakes.get() >= 4, "followers of nothing on disk at every re-check: " + nothingWakes.get());

            Files.writeString(file, "b\n", StandardOpenOption.APPEND);
            Thread.sleep(PERIOD_MS * 4);
            int afterChange = fileWakes.get();
            assertTrue(afterChange >= 2, "woken after the change: " + afterChange);
            Thread.sleep(PERIOD_MS * 4);
            assertEquals(afterChange, fileWakes.get(), "not again while it stays the same");
        }
    }
}
