package dev.threadline.messaging.simulator;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A channel that sends nothing: it records each delivery, can be told to fail the next sends, and can
 * report {@code delivered} a moment later as a provider's status callback would. This is what lets a
 * console or a test exercise SMS and email with no provider keys.
 */
public final class SimulatorChannel implements Channel, AutoCloseable {

    private final ChannelId id;
    private final ChannelCapabilities capabilities;
    private final List<OutboundDelivery> sent = new CopyOnWriteArrayList<>();
    private final Queue<MessagingException> scriptedFailures = new ArrayDeque<>();
    /**
     * Provider ids are random, not counted: stored ids outlive the process (a restart on the same database, a
     * second instance), and the store holds each provider id once.
     */
    private final String idPrefix;
    private volatile @Nullable Receipts receipts;

    private record Receipts(MessageManager manager, Duration delay, ScheduledExecutorService scheduler, Clock clock) {
    }

    /** A simulator with the capabilities of the built-in channel of that id (SMS-like unless email). */
    public SimulatorChannel(ChannelId id) {
        this(id, id.equals(ChannelId.EMAIL) ? ChannelCapabilities.EMAIL : ChannelCapabilities.SMS);
    }

    public SimulatorChannel(ChannelId id, ChannelCapabilities capabilities) {
        this.id = Objects.requireNonNull(id, "id");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.idPrefix = "SIM" + id.value().toUpperCase(Locale.ROOT) + "-";
    }

    @Override
    public ChannelId id() {
        return id;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) {
        MessagingException failure;
        synchronized (scriptedFailures) {
            failure = scriptedFailures.poll();
        }
        if (failure != null) {
            throw failure;
        }
        sent.add(delivery);
        String providerId = idPrefix + UUID.randomUUID();
        Receipts r = receipts;
        if (r != null) {
            String tenantId = delivery.message().tenantId();
            r.scheduler().schedule(() -> r.manager().updateDeliveryByProviderId(tenantId, id, providerId,
                    DeliveryUpdate.of(DeliveryStatus.DELIVERED, r.clock().instant())), r.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
        return SendResult.sent(providerId);
    }

    /** Everything sent so far, in order. */
    public List<OutboundDelivery> sent() {
        return List.copyOf(sent);
    }

    /** Makes the next send throw {@code failure} (queue several for several sends). */
    public void failNext(MessagingException failure) {
        synchronized (scriptedFailures) {
            scriptedFailures.add(failure);
        }
    }

    /**
     * Reports every later send as {@code delivered} to {@code manager} after {@code delay}, as a
     * provider's status callback would.
     */
    public void reportDeliveries(MessageManager manager, Duration delay, Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "threadline-simulator-" + id);
            t.setDaemon(true);
            return t;
        });
        this.receipts = new Receipts(manager, delay, scheduler, clock);
    }

    @Override
    public void close() {
        Receipts r = receipts;
        if (r != null) {
            r.scheduler().shutdownNow();
        }
    }
}
