package dev.threadline.messaging.jpa.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications from one background thread, the payloads published within a few milliseconds in
 * one statement and one transaction. PostgreSQL takes a database-wide lock while a transaction that
 * notified commits, so a commit per event on the publishing threads serializes busy writers; here they
 * only queue, and the notifications leave in publishing order. When PostgreSQL is unreachable a batch is dropped (notifications
 * are hints to refresh, not a log), and when the queue is full new payloads are dropped; both warn once.
 */
public final class NotifySender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotifySender.class);
    /** Payloads per statement; at most 8,000 bytes each, so a batch stays a few MB at worst. */
    private static final int MAX_BATCH = 500;
    private static final int CAPACITY = 10_000;
    /**
     * How long the first queued payload waits for company. Each transaction that notifies costs the
     * server a commit; gathering for a few milliseconds turns one per event into one per burst, at a
     * delay other instances do not notice.
     */
    private static final Duration LINGER = Duration.ofMillis(5);

    private final DataSource dataSource;
    private final String channel;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final AtomicBoolean sendFailing = new AtomicBoolean();
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final Thread sender;
    private volatile boolean running = true;

    public NotifySender(DataSource dataSource, String channel) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.sender = new Thread(this::sendLoop, "threadline-notify-" + channel);
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues one payload for the channel; never blocks. */
    public void send(String payload) {
        if (queue.offer(payload)) {
            if (overflowing.compareAndSet(true, false)) {
                log.info("Notifications on {} are queued again", channel);
            }
        } else if (overflowing.compareAndSet(false, true)) {
            log.warn("Dropping notifications on {}: {} are waiting to be sent", channel, CAPACITY);
        }
    }

    private void sendLoop() {
        List<String> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                String first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gatherFor(LINGER, batch);
                notifyAll(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds what else is published within {@code linger}, up to a full batch. */
    private void gatherFor(Duration linger, List<String> batch) throws InterruptedException {
        long until = System.nanoTime() + linger.toNanos();
        while (batch.size() < MAX_BATCH) {
            String next = queue.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    private void notifyAll(List<String> payloads) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, payload) FROM unnest(?) AS payload")) {
            Array array = connection.createArrayOf("text", payloads.toArray());
            notify.setString(1, channel);
            notify.setArray(2, array);
            notify.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (sendFailing.compareAndSet(true, false)) {
                log.info("Sending notifications on {} works again", channel);
            }
        } catch (SQLException | RuntimeException e) {
            if (sendFailing.compareAndSet(false, true)) {
                log.warn("Cannot notify other instances on {}; dropped {} notifications", channel, payloads.size(), e);
            } else {
                log.debug("Still cannot notify on {}; dropped {} notifications", channel, payloads.size(), e);
            }
        }
    }

    /** Sends what is queued, for up to {@code grace}, then stops the thread. */
    public void close(Duration grace) {
        running = false;
        try {
            sender.join(Math.max(1, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
