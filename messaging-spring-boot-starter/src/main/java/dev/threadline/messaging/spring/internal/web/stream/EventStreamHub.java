package dev.threadline.messaging.spring.internal.web.stream;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the manager's events out to SSE clients, each seeing only its tenant's events. Events are sent
 * from one hub thread, in order, so a slow client never holds up the code that published the event;
 * heartbeat comments keep idle connections open and find clients that went away.
 */
public final class EventStreamHub implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventStreamHub.class);

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "threadline-sse");
        t.setDaemon(true);
        return t;
    });
    private final Duration timeout;
    private final MessagingEventBus.Subscription subscription;
    private final MessageManager manager;

    /** A connected stream; {@code actor} decides which inboxes' events it gets. */
    private record Client(Actor actor, SseEmitter emitter) {
        String tenantId() {
            return actor.tenantId();
        }
    }

    /** The data of one event on the stream (names become snake_case). */
    private record StreamEvent(String type, String conversationId, @Nullable String messageId, @Nullable String status) {
    }

    public EventStreamHub(MessageManager manager, Duration heartbeat, Duration timeout) {
        this.manager = manager;
        this.timeout = timeout;
        this.subscription = manager.subscribe(event -> sender.execute(() -> dispatch(event)));
        sender.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of the events of {@code actor}'s tenant, in the inboxes the actor works. */
    SseEmitter open(Actor actor) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Client client = new Client(actor, emitter);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        clients.add(client);
        // A first comment commits the response, so clients see the stream open before any event.
        sender.execute(() -> send(client, SseEmitter.event().comment("connected")));
        return emitter;
    }

    /** Clients connected now. */
    public int clientCount() {
        return clients.size();
    }

    private void dispatch(MessagingEvent event) {
        if (clients.isEmpty()) {
            return;
        }
        String data = Json.string(new StreamEvent(event.type(), event.conversationId(), event.messageId(),
                event.status() == null ? null : event.status().wireName()));
        // The conversation's inbox is read once per event, and only when a client works some inboxes, not all.
        Supplier<Optional<String>> inbox = SingletonSupplier.of(() ->
                manager.findConversation(event.tenantId(), event.conversationId()).map(Conversation::inboxId));
        for (Client client : clients) {
            if (client.tenantId().equals(event.tenantId()) && (client.actor().role().includes(Role.ADMIN)
                    || inbox.get().filter(client.actor()::works).isPresent())) {
                send(client, SseEmitter.event().name(event.type()).data(data));
            }
        }
    }

    private void heartbeat() {
        for (Client client : clients) {
            send(client, SseEmitter.event().comment("heartbeat"));
        }
    }

    private void send(Client client, SseEmitter.SseEventBuilder event) {
        if (!clients.contains(client)) {
            return;
        }
        try {
            client.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            log.debug("SSE client of tenant {} went away", client.tenantId());
            clients.remove(client);
            client.emitter().completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        subscription.close();
        sender.shutdownNow();
        clients.forEach(client -> client.emitter().complete());
        clients.clear();
    }
}
