package org.clusterlogs.discovery.testsupport;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/** Retries an assertion until it holds, for what a background refresh brings. */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
