package dev.threadline.messaging.memory;

import dev.threadline.messaging.intake.IntakeEntry;
import dev.threadline.messaging.intake.IntakeRequest;
import dev.threadline.messaging.intake.IntakeStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The webhook intake in memory, for tests and apps that keep everything in memory anyway: the same claims,
 * retries and dead letters as a database's, but nothing survives the process.
 */
public final class InMemoryIntakeStore implements IntakeStore {

    private record Row(IntakeRequest request, Instant dueAt, int attempts, @Nullable String lastError, boolean dead,
                       @Nullable String workerId, @Nullable Instant leaseUntil) {
        IntakeEntry entry() {
            return new IntakeEntry(request, attempts, lastError, dead, workerId, leaseUntil);
        }

        boolean heldBy(IntakeEntry entry) {
            return Objects.equals(workerId, entry.workerId());
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized void accept(IntakeRequest request) {
        rows.put(key(request.tenantId(), request.id()), new Row(request, request.receivedAt(), 0, null, false, null, null));
    }

    @Override
    public synchronized List<IntakeEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil) {
        List<Row> due = rows.values().stream()
                .filter(r -> !r.dead() && !r.dueAt().isAfter(now) && (r.leaseUntil() == null || !r.leaseUntil().isAfter(now)))
                .sorted(Comparator.comparing(Row::dueAt).thenComparing(r -> r.request().id()))
                .limit(limit)
                .toList();
        List<IntakeEntry> claimed = new ArrayList<>(due.size());
        for (Row r : due) {
            Row held = new Row(r.request(), r.dueAt(), r.attempts(), r.lastError(), false, workerId, leaseUntil);
            rows.put(key(r.request().tenantId(), r.request().id()), held);
            claimed.add(held.entry());
        }
        return claimed;
    }

    @Override
    public synchronized void complete(IntakeEntry entry) {
        Row r = rows.get(key(entry));
        if (r != null && r.heldBy(entry)) {
            rows.remove(key(entry));
        }
    }

    @Override
    public synchronized void retryLater(IntakeEntry entry, Instant dueAt, String error) {
        Row r = rows.get(key(entry));
        if (r != null && r.heldBy(entry)) {
            rows.put(key(entry), new Row(r.request(), dueAt, r.attempts() + 1, error, false, null, null));
        }
    }

    @Override
    public synchronized void deadLetter(IntakeEntry entry, String error) {
        Row r = rows.get(key(entry));
        if (r != null && r.heldBy(entry)) {
            rows.put(key(entry), new Row(r.request(), r.dueAt(), r.attempts() + 1, error, true, null, null));
        }
    }

    @Override
    public synchronized List<IntakeEntry> deadLetters(String tenantId, int limit) {
        return rows.values().stream()
                .filter(r -> r.dead() && r.request().tenantId().equals(tenantId))
                .sorted(Comparator.comparing((Row r) -> r.request().receivedAt()).thenComparing(r -> r.request().id()))
                .limit(Math.max(1, limit))
                .map(Row::entry)
                .toList();
    }

    @Override
    public synchronized boolean replay(String tenantId, String id, Instant dueAt) {
        Row r = rows.get(key(tenantId, id));
        if (r == null || !r.dead()) {
            return false;
        }
        rows.put(key(tenantId, id), new Row(r.request(), dueAt, 0, r.lastError(), false, null, null));
        return true;
    }

    @Override
    public synchronized void releaseAll(String workerId) {
        rows.replaceAll((k, r) -> workerId.equals(r.workerId())
                ? new Row(r.request(), r.dueAt(), r.attempts(), r.lastError(), r.dead(), null, null) : r);
    }

    private static String key(IntakeEntry entry) {
        return key(entry.request().tenantId(), entry.request().id());
    }

    private static String key(String tenantId, String id) {
        return tenantId + '\u0000' + id;
    }
}
