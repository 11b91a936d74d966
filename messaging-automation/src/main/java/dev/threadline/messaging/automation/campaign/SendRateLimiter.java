package dev.threadline.messaging.automation.campaign;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Hands out send times so that no tenant has more than its limit of messages due in any calendar minute.
 * The limit is enforced by spreading {@code sendAt} times, never by waiting.
 */
final class SendRateLimiter {

    private final ToIntFunction<String> perMinute;
    private final Map<String, TreeMap<Long, Integer>> minutesByTenant = new HashMap<>();

    SendRateLimiter(ToIntFunction<String> perMinute) {
        this.perMinute = perMinute;
    }

    /** Whether the tenant's bookings are known (after a restart they are loaded once from the store). */
    synchronized boolean knows(String tenantId) {
        return minutesByTenant.containsKey(tenantId);
    }

    /** Starts the tenant's bookings from send times booked earlier (loaded from the store). */
    synchronized void load(String tenantId, Collection<Instant> booked) {
        TreeMap<Long, Integer> minutes = new TreeMap<>();
        booked.forEach(at -> minutes.merge(minuteOf(at), 1, Integer::sum));
        minutesByTenant.put(tenantId, minutes);
    }

    /**
     * The first time at or after {@code earliest} that {@code allowed} accepts (it maps a time to the next
     * acceptable one) and whose minute still has room; that minute's count goes up by one.
     */
    synchronized Instant reserve(String tenantId, Instant earliest, Function<Instant, Instant> allowed) {
        TreeMap<Long, Integer> minutes = minutesByTenant.computeIfAbsent(tenantId, t -> new TreeMap<>());
        minutes.headMap(minuteOf(earliest)).clear();
        int limit = perMinute.applyAsInt(tenantId);
        Instant candidate = allowed.apply(earliest);
        while (minutes.getOrDefault(minuteOf(candidate), 0) >= limit) {
            candidate = allowed.apply(Instant.ofEpochSecond((minuteOf(candidate) + 1) * 60));
        }
        minutes.merge(minuteOf(candidate), 1, Integer::sum);
        return candidate;
    }

    /** Gives back a reservation whose message was not sent after all. */
    synchronized void release(String tenantId, Instant at) {
        TreeMap<Long, Integer> minutes = minutesByTenant.get(tenantId);
        if (minutes != null) {
            minutes.computeIfPresent(minuteOf(at), (m, count) -> count > 1 ? count - 1 : null);
        }
    }

    private static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }
}
