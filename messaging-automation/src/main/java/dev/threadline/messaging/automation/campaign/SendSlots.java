package dev.threadline.messaging.automation.campaign;

import java.time.Instant;
import java.util.function.Function;

/**
 * The send times a tenant's campaigns have booked, counted per calendar minute: how the tenant's rate limit holds
 * across its campaigns, across restarts and across app instances. The limit is met by spreading send times, never
 * by waiting. Implementations must be safe across threads and, for a cluster, across processes sharing the store.
 */
public interface SendSlots {

    /**
     * Books one send: the first time at or after {@code earliest} that {@code allowed} accepts ({@code allowed} maps a
     * time to the next acceptable one, e.g. past quiet hours) and whose minute has fewer than {@code perMinute} sends.
     *
     * @return the booked send time
     */
    Instant reserve(String tenantId, Instant earliest, Function<Instant, Instant> allowed, int perMinute);

    /** Gives back a booking whose message was not sent after all. */
    void release(String tenantId, Instant at);

    /** The calendar minute of {@code at}, in minutes since the epoch: the unit bookings are counted in. */
    static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    /** The first instant of {@code minute}. */
    static Instant startOf(long minute) {
        return Instant.ofEpochSecond(minute * 60);
    }
}
