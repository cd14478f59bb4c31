package org.clusterlogs.auth.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.clusterlogs.auth.config.AuthConfig;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed-login limits, one token bucket per uid and one per client address (Caffeine maps of
 * buckets, idle ones forgotten). A bucket holds N failures and refills one every window/N. The
 * check runs before any password is verified, and a uid is a key whether or not it exists, so
 * throttling says nothing about which uids exist. Per replica: with R replicas an attacker gets
 * at most R times the limit.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Buckets byUid;
    private final Buckets byAddress;

    public LoginThrottle(AuthConfig config) {
        this.byUid = new Buckets(config.login().uidFailures(), config.login().uidWindow());
        this.byAddress = new Buckets(config.login().addressFailures(), config.login().addressWindow());
    }

    /** How long to wait when either bucket is empty, else empty. */
    public Optional<Duration> retryAfter(String uid, String address) {
        long wait = Math.max(byUid.waitNanos(uid), byAddress.waitNanos(address));
        return wait > 0 ? Optional.of(Duration.ofNanos(wait)) : Optional.empty();
    }

    public void failed(String uid, String address) {
        byUid.take(uid);
        byAddress.take(address);
    }

    /** Token buckets by key. */
    static final class Buckets {

        private final int capacity;
        private final long refillNanos;
        private final Cache<String, Bucket> buckets;

        Buckets(int capacity, Duration window) {
            this.capacity = capacity;
            this.refillNanos = Math.max(1, window.toNanos() / capacity);
            this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(window).build();
        }

        long waitNanos(String key) {
            Bucket b = buckets.getIfPresent(key == null ? "" : key);
            return b == null ? 0 : b.waitNanos(System.nanoTime());
        }

        void take(String key) {
            buckets.get(key == null ? "" : key, k -> new Bucket(capacity, refillNanos, System.nanoTime()))
                    .take(System.nanoTime());
        }
    }

    /** Failures left, refilled continuously; synchronized, as a bucket is shared by concurrent logins. */
    static final class Bucket {

        private final int capacity;
        private final long refillNanos;
        private double tokens;
        private long at;

        Bucket(int capacity, long refillNanos, long now) {
            this.capacity = capacity;
            this.refillNanos = refillNanos;
            this.tokens = capacity;
            this.at = now;
        }

        synchronized long waitNanos(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * refillNanos);
        }

        synchronized void take(long now) {
            refill(now);
            tokens = Math.max(0, tokens - 1);
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (double) (now - at) / refillNanos);
            at = now;
        }
    }
}
