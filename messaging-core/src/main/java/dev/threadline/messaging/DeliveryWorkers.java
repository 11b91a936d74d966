package dev.threadline.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that drain the outbox. Each polls at {@code pollInterval} and wakes at once when
 * this process enqueues a message. {@link #stop} lets in-flight sends finish, then releases any claims
 * still held so another instance can take them without waiting for the lease.
 */
final class DeliveryWorkers {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

    private final DeliveryDispatcher dispatcher;
    private final Runnable releaseClaims;
    private final String instanceId = UUID.randomUUID().toString();
    private final Duration pollInterval;
    private final int batchSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private long signals;

    DeliveryWorkers(DeliveryDispatcher dispatcher, Consumer<String> releaseAll, Duration pollInterval, int batchSize) {
        this.dispatcher = dispatcher;
        this.releaseClaims = () -> threads.forEach(t -> releaseAll.accept(workerId(t)));
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    synchronized void start(int count) {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::loop, "threadline-delivery-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private String workerId(Thread thread) {
        return instanceId + "/" + thread.getName();
    }

    /** Tells idle workers there is new work. */
    void wakeUp() {
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
                claimed = dispatcher.dispatchBatch(workerId, batchSize);
            } catch (RuntimeException e) {
                log.warn("Delivery worker {} could not claim work", workerId, e);
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

    synchronized void stop(Duration grace) {
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
