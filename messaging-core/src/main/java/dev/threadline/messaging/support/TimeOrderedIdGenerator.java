package dev.threadline.messaging.support;

import dev.threadline.messaging.spi.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 (RFC 9562) ids: 48 bits of milliseconds, then a counter that keeps ids from one generator
 * strictly increasing within a millisecond, then random bits. Sorting by id gives creation order, which
 * also keeps index inserts at the right edge of the B-tree.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis;
    private long counter;

    public TimeOrderedIdGenerator(Clock clock) {
        this.clock = clock;
    }

    public TimeOrderedIdGenerator() {
        this(Clock.systemUTC());
    }

    @Override
    public synchronized String newId() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(1 << 10);
        } else if (++counter >= (1 << 12)) {
            // Counter exhausted within one millisecond: borrow the next millisecond, keeping order.
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
