package dev.threadline.messaging.twilio.internal;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.twilio.TwilioChannel;
import dev.threadline.messaging.twilio.TwilioPacing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Spaces sends per sending number. Each number has its own lane: a send books the lane's next free
 * slot under the lane's lock (held only to book, never while waiting) and then waits outside it, so
 * a number with a backlog never holds up another number.
 */
public final class SendPacer {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final TwilioPacing pacing;
    private final Clock clock;
    private final TwilioChannel.Sleeper sleeper;
    private final ConcurrentMap<String, Lane> lanes = new ConcurrentHashMap<>();

    public SendPacer(TwilioPacing pacing, Clock clock, TwilioChannel.Sleeper sleeper) {
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Waits for {@code number}'s next slot and books {@code units} segments of it.
     *
     * @throws RetriableMessagingException {@code rate_limited} with the wait as retry-after when the slot is
     *         further away than the pacing's {@code maxWait} (nothing is booked then), or when interrupted
     */
    public void acquire(String number, int units) {
        Duration cost = Duration.ofNanos(Math.round(units * NANOS_PER_SECOND / pacing.segmentsPerSecond(number)));
        Duration wait = lanes.computeIfAbsent(number, n -> new Lane()).book(clock.instant(), cost, pacing.maxWait());
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableMessagingException(ErrorCode.RATE_LIMITED, "interrupted while waiting to send from " + number, wait, e);
        }
    }

    /** One number's schedule: when its next send may start. */
    private static final class Lane {
        private Instant nextFree = Instant.MIN;

        synchronized Duration book(Instant now, Duration cost, Duration maxWait) {
            Instant start = nextFree.isAfter(now) ? nextFree : now;
            Duration wait = Duration.between(now, start);
            if (wait.compareTo(maxWait) > 0) {
                throw new RetriableMessagingException(ErrorCode.RATE_LIMITED,
                        "sending number is paced: next slot in " + wait.toMillis() + " ms", wait, null);
            }
            nextFree = start.plus(cost);
            return wait;
        }
    }
}
