package dev.threadline.messaging.jpa.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reruns a whole transaction when it lost a race the database detected (a unique key, a stale version). */
final class Retries {

    /** Enough for every thread of a busy host to lose a race once or twice. */
    static final int RACE_ATTEMPTS = 10;

    private Retries() {
    }

    static <T> T retrying(int attempts, Predicate<Throwable> lostRace, Supplier<T> transaction) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!lostRace.test(e)) {
                    throw e;
                }
                last = e;
                pause(attempt);
            }
        }
        throw last;
    }

    /** A short random wait that grows with each loss, so racers stop colliding in lockstep. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
