package org.clusterlogs.messagelogging.service;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps {@link DeployedSet} equal to policy-service's deployed set for this service's environment,
 * on a thread of its own: first the saved set (so a service that starts while policy-service is
 * down runs what it ran before), then long polls forever. A new set is applied and saved; an
 * unchanged one (304) is asked for again at once; any failure keeps the current set and waits
 * 1 s, doubled up to 30 s, before asking again. Nothing here can fail a request.
 */
public final class DeployedSetFollower implements Runnable {

    private static final Logger LOG = Logger.getLogger(DeployedSetFollower.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final DeployedSet set;
    private final StateFile state;
    private final PolicyServiceClient client;
    private final Credentials credentials;
    private final MessageLoggingMetrics metrics;
    private volatile Thread thread;

    public DeployedSetFollower(DeployedSet set, StateFile state, PolicyServiceClient client, Credentials credentials,
                               MessageLoggingMetrics metrics) {
        this.set = set;
        this.state = state;
        this.client = client;
        this.credentials = credentials;
        this.metrics = metrics;
    }

    /** Applies the saved set, if any, on the calling thread (before the first request), then starts following. */
    public synchronized void start() {
        state.load().ifPresent(saved -> {
            set.apply(saved);
            LOG.infof("message logging: %d policies of the saved deployed set version %d running until policy-service answers",
                    set.policies().size(), saved.version());
        });
        thread = new Thread(this, "messagelogging-follower");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() throws InterruptedException {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            t.join(Duration.ofSeconds(5).toMillis());
        }
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        while (thread == Thread.currentThread()) {
            try {
                long v = set.version();
                Optional<DeploymentSet> next = client.poll(v < 0 ? OptionalLong.empty() : OptionalLong.of(v),
                        credentials.authorization());
                if (next.isPresent()) {
                    set.apply(next.get());
                    save(next.get());
                }
                retry = FIRST_RETRY;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (e instanceof PolicyServiceClient.RefusedException) {
                    credentials.refused();
                }
                metrics.followFailed();
                LOG.warnf("message logging: cannot follow the deployed set (%s); keeping version %d, asking again in %s",
                        e.toString(), set.version(), retry);
                if (!sleep(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private void save(DeploymentSet next) {
        try {
            state.save(next);
        } catch (Exception e) {
            LOG.warnf("message logging: cannot save the deployed set (%s); a start without policy-service will not have it",
                    e.toString());
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
