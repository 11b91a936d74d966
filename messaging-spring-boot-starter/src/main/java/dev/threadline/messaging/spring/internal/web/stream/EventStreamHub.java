package dev.threadline.messaging.spring.internal.web.stream;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Fans the manager's events out to SSE clients, each seeing only its tenant's events.
 *
 * <p>One hub thread takes the events in publishing order, renders each event's SSE frame once and queues it for every
 * client that may see it, so the code that published the event never waits for a client. A small pool of writers then
 * sends each client its queued frames in one write: a client's frames are held for about {@value #FLUSH_DELAY_MILLIS} ms
 * before they go, so that with a thousand clients and many events a second each client gets a few writes a second, not
 * one per event (on a busy app the write per event per client is what the CPU went to). Each client holds its frames a
 * little longer or shorter than the others, so a thousand clients' writes spread out instead of landing in the same
 * instant, where they held up the app's requests.
 *
 * <p>A client whose write has not finished within the allowed lag (30 s unless given) stopped reading, and one with
 * {@value #MAX_QUEUED_FRAMES} frames waiting cannot keep up: either is disconnected rather than allowed to hold a writer
 * or fill the heap, and a console reconnects and reloads. A burst of events alone never disconnects a client that
 * reads: its frames go in the next write. Heartbeat comments keep idle connections open and find clients that went away.
 */
public final class EventStreamHub implements DisposableBean {

    /** How long, on average, a client's first queued frame waits for others to share its write. */
    static final long FLUSH_DELAY_MILLIS = 100;
    /** Frames a client may have waiting at most, whatever the state of its write: a bound on the heap one client holds. */
    static final int MAX_QUEUED_FRAMES = 20_000;
    /** How long a write to a client may take before the client counts as no longer reading. */
    static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(EventStreamHub.class);
    private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor(daemon("threadline-sse"));
    private final ScheduledExecutorService writers = Executors.newScheduledThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("threadline-sse-writer"));
    private final Duration timeout;
    private final long maxLagNanos;
    private final MessagingEventBus.Subscription subscription;
    private final MessageManager manager;

    /** The data of one event on the stream (names become snake_case). */
    private record StreamEvent(String type, String conversationId, @Nullable String messageId, @Nullable String status) {
    }

    public EventStreamHub(MessageManager manager, Duration heartbeat, Duration timeout) {
        this(manager, heartbeat, timeout, DEFAULT_MAX_LAG);
    }

    /** A hub that disconnects a client whose write has not finished within {@code maxLag}. */
    EventStreamHub(MessageManager manager, Duration heartbeat, Duration timeout, Duration maxLag) {
        this.manager = manager;
        this.timeout = timeout;
        this.maxLagNanos = maxLag.toNanos();
        this.subscription = manager.subscribe(event -> dispatcher.execute(() -> dispatch(event)));
        dispatcher.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Opens a stream of the events of {@code actor}'s tenant, in the inboxes the actor works. */
    SseEmitter open(Actor actor) {
        return open(actor, new SseEmitter(timeout.toMillis()));
    }

    /** Streams {@code actor}'s events to {@code emitter}; the seam tests use to watch the writes. */
    SseEmitter open(Actor actor, SseEmitter emitter) {
        Client client = new Client(actor, emitter);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(e -> clients.remove(client));
        // A first comment, so clients see the stream open before any event. It is given to the emitter here, on the
        // request's thread, which then commits the response: a writer thread committing it while the request's thread
        // was still finishing raced on Tomcat's response headers (a NullPointerException, and a stream that never opened).
        try {
            emitter.send(Set.of(new DataWithMediaType(comment("connected"), UTF8_TEXT)));
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream could not be opened", e);
        }
        dispatcher.execute(() -> clients.add(client));
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
        String frame = "event:" + event.type() + "\ndata:" + Json.string(new StreamEvent(event.type(), event.conversationId(),
                event.messageId(), event.status() == null ? null : event.status().wireName())) + "\n\n";
        // The conversation's inbox is read once per event, and only when a client works some inboxes, not all.
        Supplier<Optional<String>> inbox = SingletonSupplier.of(() ->
                manager.findConversation(event.tenantId(), event.conversationId()).map(Conversation::inboxId));
        for (Client client : clients) {
            if (client.tenantId().equals(event.tenantId()) && (client.actor.role().includes(Role.ADMIN)
                    || inbox.get().filter(client.actor::works).isPresent())) {
                client.queue(frame);
            }
        }
    }

    private void heartbeat() {
        String frame = comment("heartbeat");
        clients.forEach(client -> client.queue(frame));
    }

    private static String comment(String text) {
        return ":" + text + "\n\n";
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void destroy() {
        subscription.close();
        dispatcher.shutdownNow();
        writers.shutdownNow();
        clients.forEach(Client::complete);
        clients.clear();
    }

    /** A connected stream and the frames waiting for its next write; {@code actor} decides which inboxes' events it gets. */
    private final class Client {
        private final Actor actor;
        private final SseEmitter emitter;
        private final Queue<String> frames = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();
        private final AtomicBoolean flushScheduled = new AtomicBoolean();
        /** When the write in progress started ({@link System#nanoTime}), or 0 between writes. */
        private volatile long writingSince;
        /** This client's hold, between half and one and a half times the average. */
        private final long flushDelayMillis = FLUSH_DELAY_MILLIS / 2 + ThreadLocalRandom.current().nextLong(FLUSH_DELAY_MILLIS + 1);

        Client(Actor actor, SseEmitter emitter) {
            this.actor = actor;
            this.emitter = emitter;
        }

        String tenantId() {
            return actor.tenantId();
        }

        /** Queues {@code frame} for this client's next write, which takes the frames queued meanwhile too. */
        void queue(String frame) {
            long writing = writingSince;
            if (writing != 0 && System.nanoTime() - writing > maxLagNanos) {
                log.warn("SSE client of tenant {} has not taken a write for {} ms; disconnecting it", tenantId(),
                        TimeUnit.NANOSECONDS.toMillis(maxLagNanos));
                drop(new IOException("the client stopped reading"));
                return;
            }
            if (queued.incrementAndGet() > MAX_QUEUED_FRAMES) {
                log.warn("SSE client of tenant {} fell {} events behind; disconnecting it", tenantId(), MAX_QUEUED_FRAMES);
                drop(new IOException("the client reads too slowly"));
                return;
            }
            frames.add(frame);
            scheduleFlush();
        }

        /** Schedules this client's next write unless one is scheduled or running. */
        private void scheduleFlush() {
            if (flushScheduled.compareAndSet(false, true)) {
                writers.schedule(this::flush, flushDelayMillis, TimeUnit.MILLISECONDS);
            }
        }

        /** Writes the queued frames in one write; one flush per client runs at a time, so frames keep their order. */
        private void flush() {
            StringBuilder batch = new StringBuilder();
            for (String frame = frames.poll(); frame != null; frame = frames.poll()) {
                queued.decrementAndGet();
                batch.append(frame);
            }
            if (!batch.isEmpty()) {
                write(batch.toString());
            }
            flushScheduled.set(false);
            // A frame queued during the write found a flush scheduled; it goes with the next.
            if (!frames.isEmpty()) {
                scheduleFlush();
            }
        }

        private void write(String text) {
            if (!clients.contains(this)) {
                return;
            }
            writingSince = System.nanoTime();
            try {
                emitter.send(Set.of(new DataWithMediaType(text, UTF8_TEXT)));
            } catch (IOException | IllegalStateException e) {
                log.debug("SSE client of tenant {} went away", tenantId());
                drop(e);
            } finally {
                writingSince = 0;
            }
        }

        /**
         * Ends the stream as the app stops. A response the container has already recycled (its client went away
         * unnoticed) refuses, which must not keep the other streams from being ended.
         */
        void complete() {
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                log.debug("SSE client of tenant {} was already gone at shutdown", tenantId());
            }
        }

        private void drop(Exception cause) {
            if (clients.remove(this)) {
                frames.clear();
                writers.execute(() -> emitter.completeWithError(cause));
            }
        }
    }
}
