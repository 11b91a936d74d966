package dev.threadline.messaging.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Orders consent changes against sends within this process, so that once a {@code STOP} is accepted no
 * message is handed to a channel for that contact any more.
 *
 * <p>A send holds a contact's read lock from its last consent check until the channel has taken the
 * message; a consent change holds the write lock while it is stored. So a change waits for sends already
 * under way, and every send that starts after it sees it. Delivery workers check consent on contacts they
 * loaded a moment before: {@link #changedSince} tells them whether that load may be stale. Contacts are
 * spread over a fixed number of locks, so memory stays flat however many contacts there are.
 */
final class ConsentGate {

    private static final int STRIPES = 256;
    private static final int PRUNE_AT = 4_096;

    private final ReadWriteLock[] stripes = new ReadWriteLock[STRIPES];
    /** When each contact's consent last changed here, in {@link System#nanoTime()}. */
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private final long rememberNanos;
    /** Changes before this instant may have been forgotten: a load older than it must be treated as stale. */
    private volatile long forgottenBefore = System.nanoTime();

    /** @param rememberNanos how long a change is remembered; longer than any batch of sends takes */
    ConsentGate(long rememberNanos) {
        this.rememberNanos = rememberNanos;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantReadWriteLock();
        }
    }

    /** Runs {@code send}, including its consent check, while no consent change of the contact is being stored. */
    <T> T whileSending(String tenantId, String contactId, Supplier<T> send) {
        Lock lock = stripe(tenantId, contactId).readLock();
        lock.lock();
        try {
            return send.get();
        } finally {
            lock.unlock();
        }
    }

    /** Stores a consent change of the contact once no send to it is under way, and remembers when it happened. */
    <T> T changing(String tenantId, String contactId, Supplier<T> change) {
        Lock lock = stripe(tenantId, contactId).writeLock();
        lock.lock();
        try {
            T result = change.get();
            remember(key(tenantId, contactId));
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the contact's consent may have changed since {@code loadedAtNanos}, when its state was read. */
    boolean changedSince(String tenantId, String contactId, long loadedAtNanos) {
        if (loadedAtNanos - forgottenBefore < 0) {
            return true;
        }
        Long at = changedAt.get(key(tenantId, contactId));
        return at != null && at - loadedAtNanos >= 0;
    }

    private void remember(String key) {
        long now = System.nanoTime();
        changedAt.put(key, now);
        if (changedAt.size() > PRUNE_AT) {
            long horizon = now - rememberNanos;
            forgottenBefore = horizon;
            changedAt.values().removeIf(at -> at - horizon < 0);
        }
    }

    private ReadWriteLock stripe(String tenantId, String contactId) {
        return stripes[Math.floorMod(key(tenantId, contactId).hashCode(), STRIPES)];
    }

    private static String key(String tenantId, String contactId) {
        return tenantId + '\u0000' + contactId;
    }
}
