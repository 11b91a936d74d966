package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.AiLoopGuard;
import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.FallbackChannels;
import dev.threadline.messaging.RetryPolicy;
import dev.threadline.messaging.consent.ConsentPolicy;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.ConversationSummarizer;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.SatisfactionScorer;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.support.PollingWorkers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The pipelines behind {@link dev.threadline.messaging.MessageManager}, wired once. Each pipeline calls the others
 * directly with the objects it already holds; none goes back through the manager.
 */
public final class Engine implements AutoCloseable {

    /** Everything the engine is built from; {@link dev.threadline.messaging.MessageManagerBuilder} documents each. */
    public record Settings(ConversationStore store, OutboxStore outbox, StaffStore staff, Map<ChannelId, Channel> channels,
                           @Nullable AiResponder responder, List<AiTool> tools, SatisfactionScorer scorer,
                           ConversationSummarizer summarizer, MessagingEventBus bus, Clock clock, IdGenerator ids,
                           BiFunction<String, ChannelId, AiMode> aiModes, Function<String, ConsentPolicy> consentPolicies,
                           AiLoopGuard loopGuard, String defaultRegion, int maxContentLength, int historyLimit,
                           Duration toolTimeout, String helpText, String messageIdDomain, FallbackChannels fallbacks,
                           RetryPolicy retryPolicy, Duration deliveryLease, Duration inDoubtGrace, Duration pollInterval,
                           int batchSize) {
    }

    private static final int CALLER_BATCH_SIZE = 50;

    private final Settings settings;
    private final Timeline timeline;
    private final Inbound inbound;
    private final Replies replies;
    private final Outbound outbound;
    private final Callbacks callbacks;
    private final Conversations conversations;
    private final InputRules rules;
    private final Assignments assignments;
    private final Tools tools;
    private final DeliveryDispatcher dispatcher;
    private final PollingWorkers workers;

    public Engine(Settings s) {
        this.settings = s;
        ConsentGate consent = new ConsentGate(s.deliveryLease().toNanos());
        this.timeline = new Timeline(s.store(), s.bus(), s.ids(), s.clock());
        this.rules = new InputRules(s.channels().keySet(), s.maxContentLength());
        Threads threads = new Threads(s.store(), s.staff(), s.ids(), s.clock(), s.defaultRegion());
        this.workers = new PollingWorkers("threadline-delivery", this::dispatchBatch,
                s.outbox()::releaseAll, s.pollInterval());
        this.outbound = new Outbound(s.store(), s.outbox(), s.channels(), threads, timeline, rules, consent, s.ids(), s.clock(),
                s.messageIdDomain(), workers::wakeUp);
        this.callbacks = new Callbacks(s.store(), threads, timeline, consent);
        this.conversations = new Conversations(s.store(), threads, timeline);
        this.assignments = new Assignments(s.store(), timeline);
        this.tools = new Tools(s.tools(), s.store(), s.ids(), s.clock(), s.toolTimeout());
        this.replies = new Replies(s.store(), s.responder(), tools, s.scorer(), s.summarizer(), aiModeOf(s), s.loopGuard(),
                outbound, timeline, rules, s.clock(), s.historyLimit());
        this.inbound = new Inbound(s.store(), threads, replies, outbound, conversations, timeline, rules, consent,
                s.consentPolicies(), s.ids(), s.clock(), s.helpText());
        this.dispatcher = new DeliveryDispatcher(s.store(), s.outbox(), s.channels(), s.retryPolicy(), s.clock(), s.deliveryLease(),
                s.inDoubtGrace(), timeline, callbacks, new Fallback(s.fallbacks(), outbound, timeline), consent);
    }

    /** A conversation's AI mode: its inbox's, when the inbox sets one, else the tenant's for the channel. */
    private static Function<Conversation, AiMode> aiModeOf(Settings s) {
        return c -> s.staff().findInbox(c.tenantId(), c.inboxId()).map(Inbox::aiMode)
                .orElseGet(() -> s.aiModes().apply(c.tenantId(), c.channel()));
    }

    public Inbound inbound() {
        return inbound;
    }

    public Replies replies() {
        return replies;
    }

    public Outbound outbound() {
        return outbound;
    }

    public Callbacks callbacks() {
        return callbacks;
    }

    public Conversations conversations() {
        return conversations;
    }

    public Assignments assignments() {
        return assignments;
    }

    public IdGenerator ids() {
        return settings.ids();
    }

    public StaffStore staff() {
        return settings.staff();
    }

    public Timeline timeline() {
        return timeline;
    }

    public MessagingEventBus bus() {
        return settings.bus();
    }

    public Set<ChannelId> sendingChannels() {
        return settings.channels().keySet();
    }

    public boolean isKnownChannel(ChannelId channel) {
        return rules.isKnownChannel(channel);
    }

    public long pendingDeliveries() {
        return settings.outbox().pendingCount();
    }

    /** Sends due outbox entries from the calling thread until none is left due; returns how many were processed. */
    public int deliverDue() {
        String workerId = "caller-" + Thread.currentThread().getId();
        int total = 0;
        int claimed;
        while ((claimed = dispatcher.dispatchBatch(workerId, CALLER_BATCH_SIZE)) > 0) {
            total += claimed;
        }
        return total;
    }

    /** One batch of a background worker; the workers exist before the dispatcher they drive. */
    private int dispatchBatch(String workerId) {
        return dispatcher.dispatchBatch(workerId, settings.batchSize());
    }

    public void startDelivery(int workerCount) {
        workers.start(workerCount);
    }

    @Override
    public void close() {
        workers.stop(Duration.ofSeconds(10));
        tools.close();
    }
}
