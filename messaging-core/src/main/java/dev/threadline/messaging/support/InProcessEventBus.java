package dev.threadline.messaging.support;

import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.spi.MessagingEventBus;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events synchronously to the subscribers of this process. A failing subscriber is logged and skipped. */
public final class InProcessEventBus implements MessagingEventBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private final CopyOnWriteArrayList<Consumer<MessagingEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(MessagingEvent event) {
        for (Consumer<MessagingEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("Event listener failed on {} for conversation {}", event.type(), event.conversationId(), e);
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<MessagingEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
