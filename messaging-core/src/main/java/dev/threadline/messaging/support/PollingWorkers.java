package dev.threadline.messaging.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that drain a table of due work (the outbox, the webhook intake) a batch at a time.
 * Each polls at {@code pollInterval} and wakes at once when this process adds work ({@link #wakeUp}).
 * {@link #stop} lets batches in flight finish, then releases any claims still held so another instance can
 * take them without waiting for their lease.
 */
public final class PollingWorkers {

    private static final Logger log = LoggerFactory.getLogger(PollingWorkers.class);

    private final String name;
    private final ToIntFunction<String> batch;
    private final Runnable releaseClaims;
    private final String instanceId = UUID.randomUUID().toString();
    private final Duration pollInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long signals;

    /**
     * @param name thread name prefix, e.g. {@code threadline-delivery}
     * @param batch claims and processes one batch for the worker id it is given; returns how many it claimed
     * @param releaseAll releases every claim a worker id still holds
     * @param pollInterval how long an idle worker waits before looking again
     */
    public PollingWorkers(String name, ToIntFunction<String> batch, Consumer<String> releaseAll, Duration pollInterval) {
        this.name = Objects.requireNonNull(name, "name");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.releaseClaims = () -> threads.forEach(t -> releaseAll.accept(workerId(t)));
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    }

    /** Starts {@code count} threads; does nothing when they run already. */
    public synchronized void start(int count) {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::loop, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private String workerId(Thread thread) {
        return instanceId + "/" + thread.getName();
    }

    /** Tells idle workers there is new work. */
    public void wakeUp() {
        lock.lock();
        try {
            signals++;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        String workerId = workerId(Thread.currentThread());
        while (running) {
            long seen = signalsSeen();
            int claimed;
            try {
                claimed = batch.applyAsInt(workerId);
            } catch (RuntimeException e) {
                log.warn("Worker {} could not claim work", workerId, e);
                claimed = 0;
            }
            if (claimed == 0) {
                awaitWork(seen);
            }
        }
    }

    private long signalsSeen() {
        lock.lock();
        try {
            return signals;
        } finally {
            lock.unlock();
        }
    }

    private void awaitWork(long seen) {
        lock.lock();
        try {
            if (running && signals == seen) {
                work.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the threads, letting batches in flight finish for up to {@code grace}, then releases claims left. */
    public synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        releaseClaims.run();
        threads.clear();
    }
}
