package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per tenant: {@code capacity} requests at once, refilled evenly over {@code period}.
 * Over the limit, {@link #acquire} throws {@code rate_limited} saying when the next token is due.
 */
public final class RateLimiter {

    private final int capacity;
    private final double tokensPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

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

    /** Takes one token of the tenant's bucket. */
    public void acquire(String tenantId) {
        if (capacity == 0) {
            return;
        }
        Duration wait = buckets.computeIfAbsent(tenantId, t -> new Bucket()).take(nowNanos());
        if (!wait.isZero()) {
            throw new RetriableMessagingException(ErrorCode.RATE_LIMITED,
                    "too many requests for this tenant", wait, null);
        }
    }

    private long nowNanos() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updatedAt = Long.MIN_VALUE;

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
