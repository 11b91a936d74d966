package dev.threadline.messaging;

import dev.threadline.messaging.consent.ConsentPolicy;
import dev.threadline.messaging.internal.engine.Engine;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.memory.InMemoryStaffStore;
import dev.threadline.messaging.offline.HeuristicSatisfactionScorer;
import dev.threadline.messaging.offline.HeuristicSummarizer;
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
import dev.threadline.messaging.support.InProcessEventBus;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Builds a {@link MessageManager}; every setting has a working default. Start with {@link MessageManager#builder()}. */
public final class MessageManagerBuilder {
    private @Nullable ConversationStore store;
    private @Nullable OutboxStore outbox;
    private @Nullable StaffStore staff;
    private final Map<ChannelId, Channel> channels = new LinkedHashMap<>();
    private @Nullable AiResponder responder;
    private final List<AiTool> tools = new ArrayList<>();
    private @Nullable SatisfactionScorer scorer;
    private @Nullable ConversationSummarizer summarizer;
    private @Nullable MessagingEventBus events;
    private Clock clock = Clock.systemUTC();
    private @Nullable IdGenerator ids;
    private BiFunction<String, ChannelId, AiMode> aiModes = (tenant, channel) -> AiMode.AUTO;
    private Function<String, ConsentPolicy> consentPolicies = tenant -> ConsentPolicy.DEFAULT;
    private AiLoopGuard loopGuard = AiLoopGuard.DEFAULT;
    private String defaultRegion = "US";
    private int maxContentLength = 10_000;
    private int historyLimit = 50;
    private Duration toolTimeout = Duration.ofSeconds(10);
    private String helpText = "Reply STOP to unsubscribe. Msg&data rates may apply.";
    private String messageIdDomain = "threadline.local";
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private FallbackChannels fallbacks = FallbackChannels.NONE;
    private Duration deliveryLease = Duration.ofMinutes(2);
    private Duration inDoubtGrace = Duration.ofMinutes(1);
    private Duration pollInterval = Duration.ofMillis(500);
    private int batchSize = 20;

    MessageManagerBuilder() {
    }

    /**
     * The store; when it also implements {@link OutboxStore} or {@link StaffStore} it serves as the outbox or the
     * staff store too. Default: in memory.
     */
    public MessageManagerBuilder store(ConversationStore value) {
        this.store = Objects.requireNonNull(value, "store");
        if (value instanceof OutboxStore o && outbox == null) {
            this.outbox = o;
        }
        if (value instanceof StaffStore s && staff == null) {
            this.staff = s;
        }
        return this;
    }

    /** Where staff users and inboxes are kept, when the store does not keep them. Default: in memory. */
    public MessageManagerBuilder staffStore(StaffStore value) {
        this.staff = Objects.requireNonNull(value, "staffStore");
        return this;
    }

    /** The outbox, when the store does not implement it. */
    public MessageManagerBuilder outbox(OutboxStore value) {
        this.outbox = Objects.requireNonNull(value, "outbox");
        return this;
    }

    /** Registers a channel under its {@link Channel#id()}; a later one with the same id replaces it. */
    public MessageManagerBuilder channel(Channel value) {
        channels.put(value.id(), value);
        return this;
    }

    public MessageManagerBuilder channels(List<? extends Channel> values) {
        values.forEach(this::channel);
        return this;
    }

    /** The AI responder. Without one, inbound messages get no automatic reply. */
    public MessageManagerBuilder responder(@Nullable AiResponder value) {
        this.responder = value;
        return this;
    }

    /** Tools the responder may call. */
    public MessageManagerBuilder tool(AiTool value) {
        if (tools.stream().anyMatch(t -> t.name().equals(value.name()))) {
            throw new IllegalArgumentException("duplicate tool name: " + value.name());
        }
        tools.add(value);
        return this;
    }

    public MessageManagerBuilder tools(List<AiTool> values) {
        values.forEach(this::tool);
        return this;
    }

    public MessageManagerBuilder scorer(SatisfactionScorer value) {
        this.scorer = Objects.requireNonNull(value, "scorer");
        return this;
    }

    public MessageManagerBuilder summarizer(ConversationSummarizer value) {
        this.summarizer = Objects.requireNonNull(value, "summarizer");
        return this;
    }

    public MessageManagerBuilder eventBus(MessagingEventBus value) {
        this.events = Objects.requireNonNull(value, "eventBus");
        return this;
    }

    public MessageManagerBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    public MessageManagerBuilder idGenerator(IdGenerator value) {
        this.ids = Objects.requireNonNull(value, "idGenerator");
        return this;
    }

    /** The same AI mode for every tenant and channel. Default {@link AiMode#AUTO}. */
    public MessageManagerBuilder aiMode(AiMode value) {
        Objects.requireNonNull(value, "aiMode");
        this.aiModes = (tenant, channel) -> value;
        return this;
    }

    /** The AI mode per tenant and channel. */
    public MessageManagerBuilder aiModes(BiFunction<String, ChannelId, AiMode> value) {
        this.aiModes = Objects.requireNonNull(value, "aiModes");
        return this;
    }

    /** The same consent keywords and plain-words handling for every tenant. Default {@link ConsentPolicy#DEFAULT}. */
    public MessageManagerBuilder consentPolicy(ConsentPolicy value) {
        Objects.requireNonNull(value, "consentPolicy");
        this.consentPolicies = tenant -> value;
        return this;
    }

    /** The consent keywords and plain-words handling per tenant. */
    public MessageManagerBuilder consentPolicies(Function<String, ConsentPolicy> value) {
        this.consentPolicies = Objects.requireNonNull(value, "consentPolicies");
        return this;
    }

    /** How many automatic AI replies may follow each other without a person's turn. Default {@link AiLoopGuard#DEFAULT}. */
    public MessageManagerBuilder aiLoopGuard(AiLoopGuard value) {
        this.loopGuard = Objects.requireNonNull(value, "aiLoopGuard");
        return this;
    }

    /** ISO region for phone numbers written without a country code. Default {@code US}. */
    public MessageManagerBuilder defaultRegion(String value) {
        this.defaultRegion = Objects.requireNonNull(value, "defaultRegion");
        return this;
    }

    /** Longest message text accepted, in characters. Default 10,000. */
    public MessageManagerBuilder maxContentLength(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxContentLength must be positive");
        }
        this.maxContentLength = value;
        return this;
    }

    /** Messages given to the AI as history. Default 50. */
    public MessageManagerBuilder historyLimit(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("historyLimit must be positive");
        }
        this.historyLimit = value;
        return this;
    }

    /** Longest a host tool may run. Default 10 s. */
    public MessageManagerBuilder toolTimeout(Duration value) {
        this.toolTimeout = Objects.requireNonNull(value, "toolTimeout");
        return this;
    }

    /** The answer to the {@code HELP} keyword. */
    public MessageManagerBuilder helpText(String value) {
        this.helpText = Objects.requireNonNull(value, "helpText");
        return this;
    }

    /** Domain part of the {@code Message-ID}s of our emails. Default {@code threadline.local}. */
    public MessageManagerBuilder messageIdDomain(String value) {
        this.messageIdDomain = Objects.requireNonNull(value, "messageIdDomain");
        return this;
    }

    /** Where to resend a message that failed for good on its channel. Default: nowhere. */
    public MessageManagerBuilder fallbackChannels(FallbackChannels value) {
        this.fallbacks = Objects.requireNonNull(value, "fallbackChannels");
        return this;
    }

    public MessageManagerBuilder retryPolicy(RetryPolicy value) {
        this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
        return this;
    }

    /** How long a worker's claim on an outbox entry lasts before another worker may take it. Default 2 min. */
    public MessageManagerBuilder deliveryLease(Duration value) {
        this.deliveryLease = Objects.requireNonNull(value, "deliveryLease");
        return this;
    }

    /**
     * How long after a claim's lease ran out, its worker gone mid-send, the message waits before it is looked up
     * at the provider or sent again: time for a status callback carrying our message id to confirm the attempt
     * that may have got through. Default 1 min, on top of the lease.
     */
    public MessageManagerBuilder inDoubtGrace(Duration value) {
        if (Objects.requireNonNull(value, "inDoubtGrace").isNegative()) {
            throw new IllegalArgumentException("inDoubtGrace must not be negative");
        }
        this.inDoubtGrace = value;
        return this;
    }

    /** How often idle delivery workers look for due entries (other instances' and scheduled ones). Default 500 ms. */
    public MessageManagerBuilder pollInterval(Duration value) {
        this.pollInterval = Objects.requireNonNull(value, "pollInterval");
        return this;
    }

    /** Outbox entries a worker claims at once. Default 20. */
    public MessageManagerBuilder batchSize(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.batchSize = value;
        return this;
    }

    public MessageManager build() {
        IdGenerator idGenerator = ids != null ? ids : new TimeOrderedIdGenerator(clock);
        ConversationStore conversations = store;
        OutboxStore outboxStore = outbox;
        if (conversations == null) {
            InMemoryConversationStore memory = new InMemoryConversationStore(idGenerator, clock);
            conversations = memory;
            if (outboxStore == null) {
                outboxStore = memory;
            }
        }
        if (outboxStore == null) {
            throw new IllegalStateException("the store does not implement OutboxStore: set outbox(...)");
        }
        return new MessageManager(new Engine(new Engine.Settings(conversations, outboxStore,
                staff != null ? staff : new InMemoryStaffStore(), Map.copyOf(channels), responder,
                List.copyOf(tools), scorer != null ? scorer : new HeuristicSatisfactionScorer(),
                summarizer != null ? summarizer : new HeuristicSummarizer(), events != null ? events : new InProcessEventBus(),
                clock, idGenerator, aiModes, consentPolicies, loopGuard, defaultRegion, maxContentLength, historyLimit, toolTimeout,
                helpText, messageIdDomain, fallbacks, retryPolicy, deliveryLease, inDoubtGrace, pollInterval, batchSize)));
    }
}
