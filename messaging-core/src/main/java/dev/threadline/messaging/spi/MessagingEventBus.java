package dev.threadline.messaging.spi;

import dev.threadline.messaging.MessagingEvent;
import java.util.function.Consumer;

/**
 * Publishes change notifications to subscribers. The default is in-process; a shared-store bus (such as
 * PostgreSQL LISTEN/NOTIFY) makes events reach subscribers of every app instance.
 */
public interface MessagingEventBus {

    /** Delivers {@code event} to every subscriber. Must not throw because a subscriber failed. */
    void publish(MessagingEvent event);

    /** Registers a listener until the returned subscription is closed. */
    Subscription subscribe(Consumer<MessagingEvent> listener);

    /** A registration; closing it stops delivery. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
