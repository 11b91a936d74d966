package dev.threadline.messaging.automation.campaign;

import static dev.threadline.messaging.automation.campaign.SendSlots.minuteOf;
import static dev.threadline.messaging.automation.campaign.SendSlots.startOf;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Bookings in memory: for tests and single-process hosts that need no durability. */
public final class InMemorySendSlots implements SendSlots {

    private final Map<String, TreeMap<Long, Integer>> minutesByTenant = new HashMap<>();

    @Override
    public synchronized Instant reserve(String tenantId, Instant earliest, Function<Instant, Instant> allowed, int perMinute) {
        TreeMap<Long, Integer> minutes = minutesByTenant.computeIfAbsent(tenantId, t -> new TreeMap<>());
        minutes.headMap(minuteOf(earliest)).clear();
        Instant candidate = allowed.apply(earliest);
        while (minutes.getOrDefault(minuteOf(candidate), 0) >= perMinute) {
            candidate = allowed.apply(startOf(minuteOf(candidate) + 1));
        }
        minutes.merge(minuteOf(candidate), 1, Integer::sum);
        return candidate;
    }

    @Override
    public synchronized void release(String tenantId, Instant at) {
        TreeMap<Long, Integer> minutes = minutesByTenant.get(tenantId);
        if (minutes != null) {
            minutes.computeIfPresent(minuteOf(at), (m, count) -> count > 1 ? count - 1 : null);
        }
    }
}
