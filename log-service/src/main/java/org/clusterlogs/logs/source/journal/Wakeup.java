package org.clusterlogs.logs.source.journal;

import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the shared tail tells one follower that it has a new entry for it. The follower arms it
 * when it found nothing new, and the tail's next entry that the follower's matches accept
 * fires it once: a follower busy reading is not woken again and again, and a follower of a
 * quiet unit is not woken by every other unit's entries. A follower re-checks the ring after
 * arming, so an entry that came just before is not missed.
 */
final class Wakeup {

    private static final Logger LOG = Logger.getLogger(Wakeup.class);

    private final JournalMatches matches;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile Runnable callback;

    Wakeup(JournalMatches matches) {
        this.matches = matches;
    }

    /** What to run when woken; runs once right away, so a new caller misses nothing. */
    void callback(Runnable wake) {
        callback = wake;
        run(wake);
    }

    void arm() {
        armed.set(true);
    }

    /** Called by the tail after each new entry. */
    void fire(TailEntry entry) {
        if (armed.get() && matches.accepts(entry.json())) {
            fire();
        }
    }

    /** Called by the tail when it gives up: the follower must learn why. */
    void fire() {
        if (armed.getAndSet(false)) {
            run(callback);
        }
    }

    private static void run(Runnable wake) {
        if (wake == null) {
            return;
        }
        try {
            wake.run();
        } catch (RuntimeException e) {
            LOG.warn("waking a journal follower failed", e);
        }
    }
}
