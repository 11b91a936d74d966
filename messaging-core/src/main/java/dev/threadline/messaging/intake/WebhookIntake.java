package dev.threadline.messaging.intake;

import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetryPolicy;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.support.PollingWorkers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each verified webhook request before the provider is answered, then processes it right after on
 * background workers: a provider does not resend what it saw acknowledged, so what it was told we have must
 * survive a crash at any instant. A webhook route calls {@link #accept} and answers {@code 2xx} only when it
 * returns; when the store cannot take the request it throws, and the route answers {@code 503} so the
 * provider retries.
 *
 * <p>Processing failures are retried with backoff ({@link Builder#retryPolicy}); a request that still fails,
 * or fails for good ({@link NonRetriableMessagingException}), is parked as a dead letter with its error,
 * listed by {@link #deadLetters} and re-run by {@link #replay}.
 *
 * <pre>{@code
 * WebhookIntake intake = WebhookIntake.builder(store, ids)
 *         .handler("twilio.sms", request -> manager.receive(parser.parseInbound(request.tenantId(), request.fields())))
 *         .build();
 * intake.start(2);
 * intake.accept("acme", "twilio.sms", formFields);   // durable now: answer 200
 * }</pre>
 */
public final class WebhookIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);
    private static final int ERROR_LENGTH = 2_000;

    private final IntakeStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final Map<String, IntakeHandler> handlers;
    private final RetryPolicy retryPolicy;
    private final Duration lease;
    private final int batchSize;
    private final PollingWorkers workers;

    private WebhookIntake(Builder b) {
        this.store = b.store;
        this.ids = b.ids;
        this.clock = b.clock;
        this.handlers = Map.copyOf(b.handlers);
        this.retryPolicy = b.retryPolicy;
        this.lease = b.lease;
        this.batchSize = b.batchSize;
        this.workers = new PollingWorkers("threadline-intake", this::processBatch, store::releaseAll, b.pollInterval);
    }

    /** A builder over {@code store}, naming requests with {@code ids}. */
    public static Builder builder(IntakeStore store, IdGenerator ids) {
        return new Builder(store, ids);
    }

    /**
     * Stores a verified request durably and wakes the workers.
     *
     * @throws IllegalArgumentException when no handler serves {@code source}
     * @throws RuntimeException whatever the store throws when it cannot take the request; nothing was stored
     */
    public IntakeRequest accept(String tenantId, String source, Map<String, String> fields) {
        if (!handlers.containsKey(source)) {
            throw new IllegalArgumentException("no intake handler for source " + source);
        }
        IntakeRequest request = new IntakeRequest(tenantId, ids.newId(), source, fields, clock.instant());
        store.accept(request);
        workers.wakeUp();
        return request;
    }

    /**
     * Processes due requests from the calling thread until none is left due.
     *
     * @return how many requests were processed (successfully or not)
     */
    public int processDue() {
        String workerId = "caller-" + Thread.currentThread().getId();
        int total = 0;
        int claimed;
        while ((claimed = processBatch(workerId)) > 0) {
            total += claimed;
        }
        return total;
    }

    /** Starts {@code workerCount} background workers; does nothing when they run already. */
    public void start(int workerCount) {
        workers.start(workerCount);
    }

    /** The tenant's dead letters, oldest first. */
    public List<IntakeEntry> deadLetters(String tenantId, int limit) {
        return store.deadLetters(tenantId, limit);
    }

    /**
     * Processes a dead letter again, soon.
     *
     * @return false when the tenant has no dead letter with that id
     */
    public boolean replay(String tenantId, String id) {
        boolean replayed = store.replay(tenantId, id, clock.instant());
        if (replayed) {
            workers.wakeUp();
        }
        return replayed;
    }

    /** Stops the workers, letting requests in flight finish for up to 10 s; unfinished ones stay stored. */
    @Override
    public void close() {
        workers.stop(Duration.ofSeconds(10));
    }

    private int processBatch(String workerId) {
        Instant now = clock.instant();
        List<IntakeEntry> claimed = store.claimDue(now, batchSize, workerId, now.plus(lease));
        for (IntakeEntry entry : claimed) {
            process(entry);
        }
        return claimed.size();
    }

    private void process(IntakeEntry entry) {
        IntakeRequest request = entry.request();
        IntakeHandler handler = handlers.get(request.source());
        if (handler == null) {
            store.deadLetter(entry, "no handler for source " + request.source());
            return;
        }
        try {
            handler.process(request);
            store.complete(entry);
        } catch (NonRetriableMessagingException e) {
            log.warn("Webhook request {} ({}) of tenant {} cannot be processed: {}", request.id(), request.source(),
                    request.tenantId(), e.getMessage());
            store.deadLetter(entry, describe(e));
        } catch (RuntimeException e) {
            int attemptsMade = entry.attempts() + 1;
            if (retryPolicy.allowsAnotherAttempt(attemptsMade)) {
                Duration wait = retryPolicy.backoff(attemptsMade, null);
                log.info("Webhook request {} ({}) failed, attempt {}; retrying in {}: {}", request.id(), request.source(),
                        attemptsMade, wait, e.toString());
                store.retryLater(entry, clock.instant().plus(wait), describe(e));
            } else {
                log.warn("Webhook request {} ({}) of tenant {} failed {} times; parked as a dead letter", request.id(),
                        request.source(), request.tenantId(), attemptsMade, e);
                store.deadLetter(entry, describe(e));
            }
        }
    }

    private static String describe(RuntimeException e) {
        String text = e.getClass().getSimpleName() + ": " + Objects.requireNonNullElse(e.getMessage(), "");
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    /** Builds a {@link WebhookIntake}; every setting but the store, ids and handlers has a default. */
    public static final class Builder {
        private final IntakeStore store;
        private final IdGenerator ids;
        private final Map<String, IntakeHandler> handlers = new LinkedHashMap<>();
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(10));
        private Duration lease = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofMillis(500);
        private int batchSize = 5;

        private Builder(IntakeStore store, IdGenerator ids) {
            this.store = Objects.requireNonNull(store, "store");
            this.ids = Objects.requireNonNull(ids, "ids");
        }

        /** The handler of one source; a later one for the same source replaces it. */
        public Builder handler(String source, IntakeHandler handler) {
            handlers.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Attempts and backoff before a failing request becomes a dead letter. Default 8 attempts, 1 s doubling to 10 min. */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /**
         * How long a worker's claim lasts before another may take the request: after a crash, its requests wait
         * this long. A request that takes longer is processed twice, which handlers make harmless. Default 30 s.
         */
        public Builder lease(Duration value) {
            this.lease = Objects.requireNonNull(value, "lease");
            return this;
        }

        /** How often idle workers look for due requests (other instances', retries). Default 500 ms. */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Objects.requireNonNull(value, "pollInterval");
            return this;
        }

        /** Requests a worker claims at once; they share one lease. Default 5. */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            this.batchSize = value;
            return this;
        }

        public WebhookIntake build() {
            return new WebhookIntake(this);
        }
    }
}
