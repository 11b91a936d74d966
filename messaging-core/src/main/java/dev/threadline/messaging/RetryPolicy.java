package dev.threadline.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * How delivery workers retry transient send failures: exponential backoff with full jitter, honouring a
 * provider's {@code Retry-After} when it is longer.
 *
 * @param maxAttempts attempts in all, including the first
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** 5 attempts, starting at 2 s, capped at 5 min. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial <= max");
        }
    }

    /** Whether another attempt is allowed after {@code attemptsMade} failed attempts. */
    public boolean allowsAnotherAttempt(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait before the next attempt after {@code attemptsMade} failed attempts. */
    public Duration backoff(int attemptsMade, @Nullable Duration retryAfter) {
        long ceiling = initialBackoff.toMillis() << Math.min(Math.max(attemptsMade - 1, 0), 20);
        long capped = Math.min(ceiling, maxBackoff.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration wait = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
