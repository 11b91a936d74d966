package dev.threadline.examples.console.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The time the demo data is written at. The message manager reads {@link #managerClock()}: the app's clock, except
 * while {@link #at} writes a past moment of the demo history on the calling thread. That thread then reads the past
 * moment, moving on as time passes, so a reply written there is stamped when it would have been sent; every other
 * thread (requests, delivery) keeps the app's time.
 */
final class DemoTime {

    private final Clock clock;
    private final ThreadLocal<Duration> offset = new ThreadLocal<>();

    /** Over the app's clock. */
    DemoTime(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The app's time, on any thread. */
    Instant now() {
        return clock.instant();
    }

    /** The clock for the message manager: the app's, shifted on a thread inside {@link #at}. */
    Clock managerClock() {
        return new ShiftedClock(clock.getZone());
    }

    /** Runs {@code work} on this thread as if it were {@code then}, and answers what it answers. */
    <T> T at(Instant then, Supplier<T> work) {
        Duration outer = offset.get();
        offset.set(Duration.between(clock.instant(), then));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                offset.remove();
            } else {
                offset.set(outer);
            }
        }
    }

    private final class ShiftedClock extends Clock {
        private final ZoneId zone;

        ShiftedClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            Duration shift = offset.get();
            return shift == null ? clock.instant() : clock.instant().plus(shift);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ShiftedClock(other);
        }
    }
}
