package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a tenant, or a client's address): {@code capacity} requests at once, refilled evenly over
 * {@code period}. Over the limit, {@link #acquire} throws {@code rate_limited} saying when the next token is due.
 * Buckets that have filled up again are dropped now and then, so many keys seen once cost no memory for long.
 */
public final class RateLimiter {

    private final int capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Above this many buckets, full ones are dropped. */
    private static final int SWEEP_ABOVE = 10_000;

    public RateLimiter(int capacity, Duration period, Clock clock) {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("messaging.rate-limit needs requests >= 1 and a positive period");
        }
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) period.toNanos();
        this.clock = clock;
    }

    /** A limiter that lets every request through. */
    public static RateLimiter unlimited(Clock clock) {
        return new RateLimiter(clock);
    }

    private RateLimiter(Clock clock) {
        this.capacity = 0;
        this.tokensPerNano = 0;
        this.clock = clock;
    }

    /** Takes one token of {@code key}'s bucket. */
    public void acquire(String key) {
        if (capacity == 0) {
            return;
        }
        long now = nowNanos();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        Duration wait = buckets.computeIfAbsent(key, k -> new Bucket()).take(now);
        if (!wait.isZero()) {
            throw new RetriableMessagingException(ErrorCode.RATE_LIMITED, "too many requests", wait, null);
        }
    }

    private long nowNanos() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updatedAt = Long.MIN_VALUE;

        synchronized boolean isFullAt(long now) {
            return updatedAt == Long.MIN_VALUE || tokens + (now - updatedAt) * tokensPerNano >= capacity;
        }

        synchronized Duration take(long now) {
            if (updatedAt != Long.MIN_VALUE) {
                tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
            }
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
        }
    }
}
