package dev.threadline.messaging;

import dev.threadline.messaging.consent.ConsentPolicy;
import dev.threadline.messaging.consent.ConsentSignal;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.offline.HeuristicSatisfactionScorer;
import dev.threadline.messaging.offline.HeuristicSummarizer;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConsentChange;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.ConversationSummarizer;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.SatisfactionScorer;
import dev.threadline.messaging.support.EmailAddresses;
import dev.threadline.messaging.support.InProcessEventBus;
import dev.threadline.messaging.support.PhoneNumbers;
import dev.threadline.messaging.support.PollingWorkers;
import dev.threadline.messaging.support.SmsSegments;
import dev.threadline.messaging.support.StorableText;
import dev.threadline.messaging.support.ThreadKeys;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point of Threadline: receives customer messages, threads them into conversations,
 * generates AI replies, sends replies through the outbox and tracks their delivery.
 *
 * <p>The manager validates, stores and publishes events around the narrow calls of its collaborators
 * (channels, store, responder), so every channel behaves the same at the edges. A customer's message is
 * stored before anything that can fail. Build one with {@link #builder()}; call {@link #startDelivery(int)}
 * to send queued messages from background threads, or {@link #deliverDue()} to send them from the caller.
 *
 * <pre>{@code
 * MessageManager manager = MessageManager.builder()
 *         .channel(new SimulatorChannel(ChannelId.SMS))
 *         .responder(new KnowledgeBaseResponder(knowledgeBase))
 *         .build();
 * ReceiveResult result = manager.receive(InboundMessage.builder("acme", ChannelId.SMS)
 *         .customerName("Ana").customerPhone("+15551234567").body("Do you do Botox?").build());
 * }</pre>
 */
public final class MessageManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageManager.class);
    private static final Set<ChannelId> BUILT_IN = Set.of(ChannelId.SMS, ChannelId.EMAIL, ChannelId.VOICE, ChannelId.WHATSAPP, ChannelId.CHAT);

    /** {@link Conversation#NEEDS_STAFF} reason for a request to stop written in plain words. */
    static final String STOP_REQUEST_FLAG = "stop_request";
    /** {@link Conversation#NEEDS_STAFF} reason when the {@link AiLoopGuard} withheld an AI reply. */
    static final String AI_LOOP_GUARD_FLAG = "ai_loop_guard";

    /**
     * Messages after which the headline stops being refreshed on every inbound message: what the customer
     * wants is said early, and a model-backed summarizer should not add a call to every message.
     */
    private static final int HEADLINE_SETTLES_AFTER = 6;

    private final ConversationStore store;
    private final OutboxStore outbox;
    private final Map<ChannelId, Channel> channels;
    private final @Nullable AiResponder responder;
    private final List<AiTool> tools;
    private final SatisfactionScorer scorer;
    private final ConversationSummarizer summarizer;
    private final MessagingEventBus events;
    private final Clock clock;
    private final IdGenerator ids;
    private final BiFunction<String, ChannelId, AiMode> aiModes;
    private final Function<String, ConsentPolicy> consentPolicies;
    private final AiLoopGuard loopGuard;
    private final ConsentGate consent;
    private final String defaultRegion;
    private final int maxContentLength;
    private final int historyLimit;
    private final Duration toolTimeout;
    private final String helpText;
    private final String messageIdDomain;
    private final FallbackChannels fallbacks;
    private final ExecutorService toolExecutor;
    private final DeliveryDispatcher dispatcher;
    private final PollingWorkers workers;

    private MessageManager(Builder b) {
        this.store = b.store;
        this.outbox = b.outbox;
        this.channels = Map.copyOf(b.channels);
        this.responder = b.responder;
        this.tools = List.copyOf(b.tools);
        this.scorer = b.scorer;
        this.summarizer = b.summarizer;
        this.events = b.events;
        this.clock = b.clock;
        this.ids = b.ids;
        this.aiModes = b.aiModes;
        this.consentPolicies = b.consentPolicies;
        this.loopGuard = b.loopGuard;
        this.consent = new ConsentGate(b.deliveryLease.toNanos());
        this.defaultRegion = b.defaultRegion;
        this.maxContentLength = b.maxContentLength;
        this.historyLimit = b.historyLimit;
        this.toolTimeout = b.toolTimeout;
        this.helpText = b.helpText;
        this.messageIdDomain = b.messageIdDomain;
        this.fallbacks = b.fallbacks;
        this.toolExecutor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "threadline-tool");
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new DeliveryDispatcher(store, outbox, channels, b.retryPolicy, clock, b.deliveryLease, b.inDoubtGrace,
                this::publishStatus, (conversation, reason) -> optOut(conversation, conversation.channel(), reason),
                this::sendFallback, consent, this::appendEvent);
        int batchSize = b.batchSize;
        this.workers = new PollingWorkers("threadline-delivery", workerId -> dispatcher.dispatchBatch(workerId, batchSize),
                outbox::releaseAll, b.pollInterval);
    }

    /** A builder with in-memory, offline defaults for everything. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ inbound

    /**
     * Stores an inbound message and, per the tenant's {@link AiMode} (or
     * {@link InboundMessage#generateAiReply()}), generates the AI reply.
     *
     * <p>Threading: an explicit conversation id wins; an email's {@code In-Reply-To}/{@code References}
     * find the conversation of that {@code Message-ID}; otherwise the active conversation with the same
     * customer, our address (and for email, normalized subject), or a new one. A repeated provider id is
     * stored once and reported as a duplicate.
     *
     * <p>Consent, per the tenant's {@link ConsentPolicy}: an opt-out keyword ({@code STOP}, {@code REVOKE},
     * {@code OPT OUT}, …) opts the customer out of the channel in the same transaction that stores the
     * message, before anything that can fail or wait, and gets no headline or AI call; an opt-in keyword
     * opts an opted-out customer back in; {@code HELP} gets the help text. A request to stop in plain words
     * is never answered by the AI: it opts out (or waits for staff, as the policy says) and flags the
     * conversation for staff. A message no person wrote (an out-of-office reply, a bounce, list mail;
     * recognized by its headers, sender or subject) is stored with {@link Message#META_AUTO_REPLY} and never
     * answered, and an {@link AiLoopGuard} withholds automatic AI replies that follow each other without a
     * person's turn, flagging the conversation for staff.
     *
     * @throws NonRetriableMessagingException for invalid input ({@code validation_failed},
     *         {@code unknown_channel}), an unknown conversation ({@code not_found}) or an archived one ({@code conflict})
     */
    public ReceiveResult receive(InboundMessage received) {
        requireKnownChannel(received.channel());
        InboundMessage inbound = storable(received);
        if (inbound.providerMessageId() == null) {
            // Typed input must say something; what a provider delivered (a location pin, an empty
            // WhatsApp message) is the customer's and is stored as it came.
            requireContent(inbound.body(), !inbound.mediaUrls().isEmpty());
        }
        if (inbound.providerMessageId() != null) {
            Optional<Message> earlier = store.findMessageByProviderId(inbound.tenantId(), inbound.channel(), inbound.providerMessageId());
            if (earlier.isPresent()) {
                return duplicate(earlier.get());
            }
        }
        Conversation conversation = resolveConversation(inbound);
        Instant at = inbound.receivedAt() != null ? inbound.receivedAt() : clock.instant();
        Optional<String> automatic = inbound.author() == Author.CUSTOMER ? AutoReplies.reason(inbound) : Optional.empty();
        Map<String, String> metadata = inbound.metadata();
        if (automatic.isPresent()) {
            metadata = new LinkedHashMap<>(metadata);
            metadata.put(Message.META_AUTO_REPLY, automatic.get());
        }
        Message message = new Message(ids.newId(), inbound.tenantId(), conversation.id(), inbound.channel(), Direction.INBOUND,
                inbound.author(), inbound.body(), inbound.subject(), inbound.mediaUrls(), inbound.providerMessageId(),
                inbound.threadRef(), DeliveryStatus.RECEIVED, at, at, null, null, metadata);
        ConsentSignal signal = inbound.author() == Author.CUSTOMER && automatic.isEmpty()
                ? consentPolicies.apply(inbound.tenantId()).classify(message.body()) : ConsentSignal.NONE;
        ConsentChange change = consentChange(conversation, message, signal);
        Conversation target = conversation;
        var appended = change == null ? store.append(message, null)
                : consent.changing(target.tenantId(), target.contactId(), () -> store.append(message, null, change));
        if (appended.duplicate()) {
            return duplicate(appended.message());
        }
        conversation = appended.conversation();
        events.publish(MessagingEvent.messageCreated(message));
        // Consent comes first and alone: no provider call (headline, AI) may delay or follow a STOP.
        switch (signal) {
            case OPT_OUT -> {
                events.publish(MessagingEvent.conversationUpdated(conversation));
                return new ReceiveResult(conversation, message, false, null, null);
            }
            case STOP_REQUEST -> {
                Conversation flagged = flagForStaff(conversation, STOP_REQUEST_FLAG);
                return new ReceiveResult(flagged, message, false, null, null);
            }
            case OPT_IN -> {
                if (change != null) {
                    events.publish(MessagingEvent.conversationUpdated(conversation));
                    return new ReceiveResult(conversation, message, false, null, null);
                }
            }
            case HELP -> {
                events.publish(MessagingEvent.conversationUpdated(conversation));
                Message help = enqueue(conversation, helpText, Author.SYSTEM, null, Map.of());
                return new ReceiveResult(conversation, message, false, help, null);
            }
            case NONE -> {
            }
        }
        if (automatic.isPresent()) {
            // Stored for staff to see, never answered: an AI reply to an out-of-office reply starts a loop.
            events.publish(MessagingEvent.conversationUpdated(conversation));
            return new ReceiveResult(conversation, message, false, null, null);
        }
        boolean headlineDue = conversation.headline() == null || conversation.messageCount() <= HEADLINE_SETTLES_AFTER;
        boolean replyDue = shouldGenerateReply(inbound, conversation);
        // Read once for the headline and the reply: the path of every customer message.
        List<Message> recent = headlineDue || replyDue ? recentMessages(conversation) : List.of();
        if (headlineDue) {
            conversation = refreshHeadline(conversation, recent);
        }
        events.publish(MessagingEvent.conversationUpdated(conversation));
        if (!replyDue) {
            return new ReceiveResult(conversation, message, false, null, null);
        }
        try {
            GeneratedReply reply = replyTo(conversation, ReplyTrigger.INBOUND, recent);
            if (reply == null) {
                return new ReceiveResult(requireConversation(conversation.tenantId(), conversation.id()), message, false, null, null);
            }
            return new ReceiveResult(conversation, message, false, reply.message(), reply.replacedFailure());
        } catch (MessagingException e) {
            return new ReceiveResult(conversation, message, false, null, e);
        }
    }

    /**
     * The consent change an inbound message carries, stored with it: a keyword opt-out, a plain-words
     * request when the tenant opts those out at once, or an opt-in keyword from a contact who is opted out
     * (from anyone else a "Yes" is just an answer).
     */
    private @Nullable ConsentChange consentChange(Conversation conversation, Message message, ConsentSignal signal) {
        ChannelId channel = conversation.channel();
        return switch (signal) {
            case OPT_OUT -> optOutChange(conversation, Map.of("channel", channel.value(), "reason", "keyword",
                    "keyword", message.body().strip()));
            case STOP_REQUEST -> consentPolicies.apply(conversation.tenantId()).stopRequests()
                    == ConsentPolicy.StopRequestHandling.OPT_OUT_AND_NOTIFY_STAFF
                    ? optOutChange(conversation, Map.of("channel", channel.value(), "reason", "stop_request", "message_id", message.id()))
                    : null;
            case OPT_IN -> store.findContact(conversation.tenantId(), conversation.contactId())
                    .filter(contact -> contact.isOptedOut(channel))
                    .map(contact -> new ConsentChange(channel, false, event(conversation, ConversationEvent.OPTED_IN,
                            Map.of("channel", channel.value(), "keyword", message.body().strip()))))
                    .orElse(null);
            case HELP, NONE -> null;
        };
    }

    private ConsentChange optOutChange(Conversation conversation, Map<String, Object> data) {
        return new ConsentChange(conversation.channel(), true, event(conversation, ConversationEvent.OPTED_OUT, data));
    }

    /**
     * Marks the conversation as needing a person ({@link Conversation#NEEDS_STAFF} in its metadata) and
     * records why on its timeline.
     */
    private Conversation flagForStaff(Conversation conversation, String reason) {
        Conversation flagged = store.updateConversation(conversation.tenantId(), conversation.id(),
                c -> c.withMetadataEntry(Conversation.NEEDS_STAFF, reason));
        appendEvent(flagged, ConversationEvent.FLAGGED_FOR_STAFF, Map.of("reason", reason));
        events.publish(MessagingEvent.conversationUpdated(flagged));
        return flagged;
    }

    /**
     * The inbound message as every store can keep it. What a provider delivered is the customer's and is never
     * refused: characters no database stores are dropped or replaced, and the original body and subject are kept,
     * escaped, in the metadata. Typed input with such characters is refused with the field at fault.
     */
    private static InboundMessage storable(InboundMessage inbound) {
        if (inbound.providerMessageId() == null) {
            StorableText.require(inbound.body(), "content");
            StorableText.require(inbound.subject(), "subject");
            StorableText.require(inbound.customerName(), "customer_name");
            return inbound;
        }
        boolean metadataStorable = inbound.metadata().values().stream().allMatch(StorableText::isStorable);
        if (StorableText.isStorable(inbound.body()) && StorableText.isStorable(inbound.subject())
                && StorableText.isStorable(inbound.customerName()) && metadataStorable) {
            return inbound;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        inbound.metadata().forEach((key, value) -> metadata.put(key, StorableText.storable(value)));
        if (!StorableText.isStorable(inbound.body())) {
            metadata.put(Message.META_ORIGINAL_BODY, StorableText.escaped(inbound.body()));
        }
        if (!StorableText.isStorable(inbound.subject())) {
            metadata.put(Message.META_ORIGINAL_SUBJECT, StorableText.escaped(Objects.requireNonNull(inbound.subject())));
        }
        return new InboundMessage(inbound.tenantId(), inbound.channel(), storableOrNull(inbound.customerName()),
                inbound.customerPhone(), inbound.customerEmail(), inbound.ourAddress(), StorableText.storable(inbound.body()),
                storableOrNull(inbound.subject()), inbound.mediaUrls(), inbound.providerMessageId(), inbound.threadRef(),
                inbound.references(), inbound.conversationId(), inbound.author(), inbound.generateAiReply(), inbound.receivedAt(),
                metadata, inbound.headers());
    }

    private static @Nullable String storableOrNull(@Nullable String text) {
        return text == null ? null : StorableText.storable(text);
    }

    private ReceiveResult duplicate(Message earlier) {
        Conversation conversation = store.findConversation(earlier.tenantId(), earlier.conversationId()).orElseThrow();
        return new ReceiveResult(conversation, earlier, true, null, null);
    }

    private boolean shouldGenerateReply(InboundMessage inbound, Conversation conversation) {
        if (responder == null || Boolean.FALSE.equals(inbound.generateAiReply()) || inbound.author() != Author.CUSTOMER) {
            return false;
        }
        return Boolean.TRUE.equals(inbound.generateAiReply()) || aiModes.apply(conversation.tenantId(), conversation.channel()) != AiMode.OFF;
    }

    private Conversation resolveConversation(InboundMessage inbound) {
        String tenantId = inbound.tenantId();
        if (inbound.conversationId() != null) {
            Conversation explicit = store.findConversation(tenantId, inbound.conversationId())
                    .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", inbound.conversationId()));
            if (!explicit.channel().equals(inbound.channel())) {
                throw NonRetriableMessagingException.validation("channel", "channel does not match the conversation's channel " + explicit.channel());
            }
            requireNotArchived(explicit);
            return explicit;
        }
        Address address = customerAddress(inbound.channel(), inbound.customerPhone(), inbound.customerEmail());
        if (!inbound.references().isEmpty()) {
            Optional<Conversation> referenced = store.findConversationByThreadRef(tenantId, inbound.references());
            if (referenced.isPresent() && referenced.get().status() != ConversationStatus.ARCHIVED) {
                return referenced.get();
            }
        }
        String threadKey = ThreadKeys.of(inbound.channel(), address.key(), inbound.ourAddress(), inbound.subject());
        Optional<Conversation> active = store.findActiveConversation(tenantId, threadKey);
        if (active.isPresent()) {
            return active.get();
        }
        String name = blankToNull(inbound.customerName());
        if (name == null && inbound.providerMessageId() == null) {
            // Messages typed into the console must name the customer; provider webhooks carry no names.
            throw NonRetriableMessagingException.validation("customer_name", "customer_name is required for a new conversation");
        }
        Contact contact = store.upsertContact(tenantId, address.phone(), address.email(), name);
        Instant now = inbound.receivedAt() != null ? inbound.receivedAt() : clock.instant();
        Conversation candidate = new Conversation(ids.newId(), tenantId, inbound.channel(), contact.id(),
                name != null ? name : contact.name(), contact.phone(), contact.email(), inbound.ourAddress(), threadKey,
                ConversationStatus.ACTIVE, blankToNull(inbound.subject()), null, now, now, 0, 0, null, null, Map.of(), 0);
        return store.openConversation(candidate);
    }

    /** The customer's normalized phone and email; {@code key} is the one the channel addresses. */
    private record Address(@Nullable String phone, @Nullable String email, String key) {
    }

    private Address customerAddress(ChannelId channel, @Nullable String rawPhone, @Nullable String rawEmail) {
        String phone = blankToNull(rawPhone) == null ? null : PhoneNumbers.toE164(rawPhone, defaultRegion, "customer_phone");
        String email = blankToNull(rawEmail) == null ? null : EmailAddresses.normalize(rawEmail, "customer_email");
        if (channel.isPhoneBased()) {
            if (phone == null) {
                throw NonRetriableMessagingException.validation("customer_phone", "customer_phone is required for " + channel);
            }
            return new Address(phone, email, phone);
        }
        if (channel.equals(ChannelId.EMAIL)) {
            if (email == null) {
                throw NonRetriableMessagingException.validation("customer_email", "customer_email is required for email");
            }
            return new Address(phone, email, email);
        }
        if (email == null && phone == null) {
            throw NonRetriableMessagingException.validation("customer_email", "customer_email or customer_phone is required for " + channel);
        }
        return new Address(phone, email, email != null ? email : phone);
    }

    /**
     * Stores a finished call as a {@code voice} conversation, one message per turn in order, marked
     * completed. A transcript with a call id already stored is not stored again.
     */
    public Conversation recordVoiceTranscript(VoiceTranscript transcript) {
        String phone = PhoneNumbers.toE164(transcript.customerPhone(), defaultRegion, "customer_phone");
        String callKey = transcript.callId() != null ? transcript.callId() : ids.newId();
        Contact contact = store.upsertContact(transcript.tenantId(), phone, null, blankToNull(transcript.customerName()));
        String threadKey = ThreadKeys.of(ChannelId.VOICE, phone, transcript.ourAddress(), null) + "|" + callKey;
        Instant start = transcript.turns().get(0).at();
        Conversation conversation = store.openConversation(new Conversation(ids.newId(), transcript.tenantId(), ChannelId.VOICE,
                contact.id(), contact.name(), phone, contact.email(), transcript.ourAddress(), threadKey, ConversationStatus.ACTIVE,
                null, null, start, start, 0, 0, null, null, Map.of("call_id", callKey), 0));
        int turn = 0;
        for (VoiceTranscript.Turn t : transcript.turns()) {
            boolean fromCaller = t.speaker() == Author.CUSTOMER;
            Message message = new Message(ids.newId(), transcript.tenantId(), conversation.id(), ChannelId.VOICE,
                    fromCaller ? Direction.INBOUND : Direction.OUTBOUND, t.speaker(), t.text(), null, List.of(),
                    callKey + "#" + turn++, null, fromCaller ? DeliveryStatus.RECEIVED : DeliveryStatus.DELIVERED,
                    t.at(), t.at(), null, null, Map.of());
            var appended = store.append(message, null);
            conversation = appended.conversation();
            if (!appended.duplicate()) {
                events.publish(MessagingEvent.messageCreated(message));
            }
        }
        conversation = refreshHeadline(conversation, recentMessages(conversation));
        return changeStatus(transcript.tenantId(), conversation.id(), ConversationStatus.COMPLETED);
    }

    // ------------------------------------------------------------------ outbound

    /**
     * Queues a staff reply on the conversation's channel.
     *
     * @param actor who replied, for the audit trail (a user name or API key label)
     * @throws NonRetriableMessagingException {@code not_found}, {@code conflict} (archived),
     *         {@code recipient_opted_out}, or {@code validation_failed} for bad content
     */
    public Message reply(String tenantId, String conversationId, String content, String actor) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        requireNotArchived(conversation);
        Message message = enqueue(conversation, content, Author.STAFF, null, Map.of());
        audit(conversation, actor, "reply", message.id());
        return message;
    }

    /**
     * Starts or continues a conversation with a customer from our side: reminders, campaigns, first
     * contact. Joins the customer's active conversation on the channel, else opens one.
     */
    public Message send(OutboundMessage outbound) {
        requireKnownChannel(outbound.channel());
        Address address = customerAddress(outbound.channel(), outbound.customerPhone(), outbound.customerEmail());
        String threadKey = ThreadKeys.of(outbound.channel(), address.key(), outbound.ourAddress(), outbound.subject());
        Conversation conversation = store.findActiveConversation(outbound.tenantId(), threadKey).orElseGet(() -> {
            Contact contact = store.upsertContact(outbound.tenantId(), address.phone(), address.email(), blankToNull(outbound.customerName()));
            Instant now = clock.instant();
            return store.openConversation(new Conversation(ids.newId(), outbound.tenantId(), outbound.channel(), contact.id(),
                    contact.name(), contact.phone(), contact.email(), outbound.ourAddress(), threadKey, ConversationStatus.ACTIVE,
                    blankToNull(outbound.subject()), null, now, now, 0, 0, null, null, Map.of(), 0));
        });
        return enqueue(conversation, outbound.body(), outbound.mediaUrls(), outbound.author(), outbound.sendAt(), outbound.metadata());
    }

    /**
     * Cancels a queued or scheduled message that no worker has claimed yet.
     *
     * @return false when it was already being sent, sent, or unknown
     */
    public boolean cancelScheduled(String tenantId, String messageId) {
        Optional<Message> canceled = outbox.cancel(tenantId, messageId, clock.instant());
        canceled.ifPresent(this::publishStatus);
        return canceled.isPresent();
    }

    /** Moves a scheduled message that no worker has claimed yet to {@code sendAt}. */
    public boolean reschedule(String tenantId, String messageId, Instant sendAt) {
        return outbox.reschedule(tenantId, messageId, sendAt);
    }

    private Message enqueue(Conversation conversation, String content, Author author, @Nullable Instant sendAt,
                            Map<String, String> metadata) {
        return enqueue(conversation, content, List.of(), author, sendAt, metadata);
    }

    private Message enqueue(Conversation conversation, String content, List<String> mediaUrls, Author author,
                            @Nullable Instant sendAt, Map<String, String> metadata) {
        Channel channel = channels.get(conversation.channel());
        if (channel == null) {
            throw NonRetriableMessagingException.validation("channel", "no channel can send on " + conversation.channel());
        }
        requireContent(content, !mediaUrls.isEmpty());
        if (!mediaUrls.isEmpty() && !channel.capabilities().supportsMedia()) {
            throw NonRetriableMessagingException.validation("media_urls", conversation.channel() + " cannot carry media");
        }
        if (content.length() > channel.capabilities().maxBodyLength()) {
            throw NonRetriableMessagingException.validation("content",
                    "content is longer than " + channel.capabilities().maxBodyLength() + " characters for " + conversation.channel());
        }
        Message message = outboundMessage(conversation, content, mediaUrls, author, sendAt, metadata, DeliveryStatus.QUEUED);
        // Checked and queued under the contact's consent lock: a reply either is queued before a STOP is
        // stored, or is refused here.
        consent.whileSending(conversation.tenantId(), conversation.contactId(), () -> {
            Contact contact = store.findContact(conversation.tenantId(), conversation.contactId()).orElseThrow();
            if (contact.isOptedOut(conversation.channel())) {
                throw new NonRetriableMessagingException(ErrorCode.RECIPIENT_OPTED_OUT,
                        "the customer opted out of " + conversation.channel(), null);
            }
            return store.append(message, sendAt != null ? sendAt : message.createdAt());
        });
        events.publish(MessagingEvent.messageCreated(message));
        workers.wakeUp();
        return message;
    }

    private Message outboundMessage(Conversation conversation, String content, Author author, @Nullable Instant sendAt,
                                    Map<String, String> metadata, DeliveryStatus queued) {
        return outboundMessage(conversation, content, List.of(), author, sendAt, metadata, queued);
    }

    private Message outboundMessage(Conversation conversation, String content, List<String> mediaUrls, Author author,
                                    @Nullable Instant sendAt, Map<String, String> metadata, DeliveryStatus queued) {
        Instant now = clock.instant();
        String id = ids.newId();
        boolean email = conversation.channel().equals(ChannelId.EMAIL);
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        if (conversation.channel().equals(ChannelId.SMS) || conversation.channel().equals(ChannelId.WHATSAPP)) {
            meta.put("sms_segments", Integer.toString(SmsSegments.count(content)));
        }
        DeliveryStatus status = sendAt != null && sendAt.isAfter(now) && queued == DeliveryStatus.QUEUED ? DeliveryStatus.SCHEDULED : queued;
        // The first mail of a conversation we start keeps its subject; everything after it is a reply.
        String subject = !email ? null : conversation.messageCount() == 0 ? conversation.subject() : replySubject(conversation.subject());
        return new Message(id, conversation.tenantId(), conversation.id(), conversation.channel(), Direction.OUTBOUND, author,
                content, subject, mediaUrls, null, email ? "<" + id + "@" + messageIdDomain + ">" : null, status, now, now, null,
                null, meta);
    }

    private static @Nullable String replySubject(@Nullable String subject) {
        if (subject == null) {
            return null;
        }
        return ThreadKeys.normalizeSubject(subject).equals(subject.strip().toLowerCase(java.util.Locale.ROOT)) ? "Re: " + subject : subject;
    }

    /** After a permanent failure, sends a copy on the tenant's fallback channel when the contact can be reached there. */
    private void sendFallback(Message failed) {
        ChannelId fallback = fallbacks.fallbackFor(failed.tenantId(), failed.channel());
        if (fallback == null || fallback.equals(failed.channel()) || !channels.containsKey(fallback)) {
            return;
        }
        Conversation conversation = requireConversation(failed.tenantId(), failed.conversationId());
        Contact contact = store.findContact(failed.tenantId(), conversation.contactId()).orElseThrow();
        try {
            Message copy = send(OutboundMessage.builder(failed.tenantId(), fallback)
                    .customerName(contact.name()).customerPhone(contact.phone()).customerEmail(contact.email())
                    .subject(conversation.subject()).body(failed.body()).author(failed.author())
                    .metadata(Map.of("fallback_for", failed.id())).build());
            appendEvent(conversation, ConversationEvent.FALLBACK_SENT, Map.of("message_id", failed.id(),
                    "channel", fallback.value(), "fallback_message_id", copy.id()));
        } catch (MessagingException e) {
            // No address on the fallback channel, or opted out there: the failure stands as recorded.
            log.info("No fallback on {} for message {}: {}", fallback, failed.id(), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ AI

    /**
     * Generates the AI reply to the conversation now. In the tenant's {@link AiMode#DRAFT} mode the reply
     * is stored as a {@code draft} for staff; otherwise it is queued for sending.
     *
     * @throws RetriableMessagingException {@code provider_unavailable} when the AI provider failed; the
     *         failure is also recorded as an {@link ConversationEvent#AI_FAILED} event
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when no responder is configured
     *         or the last message is already ours (nothing to answer: see {@link #generateFollowUp})
     */
    public Message generateReply(String tenantId, String conversationId) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        requireNotArchived(conversation);
        return Objects.requireNonNull(replyTo(conversation, ReplyTrigger.STAFF_REQUEST, recentMessages(conversation))).message();
    }

    /**
     * Like {@link #generateReply}, but also when the last message is ours: a deliberate follow-up ("Just checking
     * you got our message…").
     */
    public Message generateFollowUp(String tenantId, String conversationId) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        requireNotArchived(conversation);
        return Objects.requireNonNull(replyTo(conversation, ReplyTrigger.FOLLOW_UP, recentMessages(conversation))).message();
    }

    /** Why an AI reply is written, which decides what may stop it. */
    private enum ReplyTrigger {
        /** An inbound message, unasked: the loop guard may withhold it. */
        INBOUND,
        /** Staff asked for a reply: there must be something of the customer's to answer. */
        STAFF_REQUEST,
        /** Staff asked for a follow-up to our own last message. */
        FOLLOW_UP
    }

    /**
     * A stored AI reply and, when a fallback responder wrote it, the provider failure it replaced.
     */
    private record GeneratedReply(Message message, @Nullable MessagingException replacedFailure) {
    }

    /**
     * Generates, stores and (per the AI mode) queues the AI reply.
     *
     * @return the reply, or null when the loop guard withheld it and flagged the conversation for staff
     */
    private @Nullable GeneratedReply replyTo(Conversation conversation, ReplyTrigger trigger, List<Message> recent) {
        String tenantId = conversation.tenantId();
        String conversationId = conversation.id();
        if (responder == null) {
            throw NonRetriableMessagingException.conflict("no AI responder is configured");
        }
        List<Message> history = recent.stream().filter(Message::isPartOfTheExchange).toList();
        if (trigger == ReplyTrigger.STAFF_REQUEST && !history.isEmpty() && history.get(history.size() - 1).direction() == Direction.OUTBOUND) {
            throw NonRetriableMessagingException.conflict("the last message is ours, so there is nothing to answer; ask for a follow-up to write one anyway");
        }
        if (trigger == ReplyTrigger.INBOUND && !loopGuard.allowsAnotherReply(history, clock.instant())) {
            log.info("Conversation {} reached the AI loop guard ({} replies in {} without a person's turn); flagged for staff",
                    conversationId, loopGuard.maxReplies(), loopGuard.window());
            if (!AI_LOOP_GUARD_FLAG.equals(conversation.metadata().get(Conversation.NEEDS_STAFF))) {
                flagForStaff(conversation, AI_LOOP_GUARD_FLAG);
            }
            return null;
        }
        List<ConversationEvent> toolCalls = store.events(tenantId, conversationId).stream()
                .filter(e -> ConversationEvent.TOOL_CALL.equals(e.type()))
                .toList();
        RecordingToolRunner toolRunner = new RecordingToolRunner(conversation, tools, store, ids, clock, toolExecutor, toolTimeout);
        AiReply reply;
        try {
            reply = responder.respond(new AiRequest(conversation, history, toolCalls, tools, toolRunner));
        } catch (MessagingException e) {
            recordAiFailure(conversation, e.code(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("AI responder failed for conversation {}", conversationId, e);
            recordAiFailure(conversation, ErrorCode.PROVIDER_UNAVAILABLE, "the AI responder failed");
            throw new RetriableMessagingException("the AI responder failed", null, e);
        }
        AiReply.ProviderFailure replaced = reply.replacedFailure();
        Map<String, String> metadata = Map.of();
        MessagingException failure = null;
        if (replaced != null) {
            // A fallback answered: the outage is recorded, marked on the reply and reported, never silent.
            log.warn("AI provider failed for conversation {} ({}); a fallback responder answered", conversationId, replaced.code().wireName());
            recordAiFailure(conversation, replaced.code(), replaced.message());
            metadata = Map.of(Message.META_AI_FALLBACK, "true", Message.META_AI_ERROR_CODE, replaced.code().wireName(),
                    Message.META_AI_ERROR_MESSAGE, replaced.message());
            failure = new RetriableMessagingException(replaced.code(), replaced.message(), null, null);
        }
        boolean draft = aiModes.apply(tenantId, conversation.channel()) == AiMode.DRAFT || !channels.containsKey(conversation.channel());
        if (!draft) {
            return new GeneratedReply(enqueue(conversation, fitToChannel(reply.content(), conversation.channel()), Author.AI, null, metadata),
                    failure);
        }
        Message message = outboundMessage(conversation, reply.content(), Author.AI, null, metadata, DeliveryStatus.DRAFT);
        store.append(message, null);
        events.publish(MessagingEvent.messageCreated(message));
        return new GeneratedReply(message, failure);
    }

    private String fitToChannel(String content, ChannelId channelId) {
        int max = channels.get(channelId).capabilities().maxBodyLength();
        return content.length() <= max ? content : content.substring(0, content.offsetByCodePoints(0, max - 1)) + "…";
    }

    private void recordAiFailure(Conversation conversation, ErrorCode code, @Nullable String message) {
        appendEvent(conversation, ConversationEvent.AI_FAILED, Map.of("code", code.wireName(),
                "message", Objects.requireNonNullElse(message, "")));
    }

    /**
     * Sends a {@code draft} AI reply, with {@code editedContent} replacing its text when not null.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it is not a draft
     */
    public Message approveDraft(String tenantId, String messageId, @Nullable String editedContent, String actor) {
        Message draft = requireMessage(tenantId, messageId);
        if (draft.status() != DeliveryStatus.DRAFT) {
            throw NonRetriableMessagingException.conflict("message " + messageId + " is not a draft");
        }
        Conversation conversation = requireConversation(tenantId, draft.conversationId());
        if (editedContent != null) {
            requireContent(editedContent, false);
        }
        if (!channels.containsKey(conversation.channel())) {
            throw NonRetriableMessagingException.validation("channel", "no channel can send on " + conversation.channel());
        }
        Message queued = store.approveDraft(tenantId, messageId, editedContent, clock.instant())
                .orElseThrow(() -> NonRetriableMessagingException.conflict("message " + messageId + " is not a draft"));
        audit(conversation, actor, editedContent == null ? "approve_draft" : "edit_and_approve_draft", messageId);
        publishStatus(queued);
        workers.wakeUp();
        return queued;
    }

    /**
     * Discards a {@code draft}; it stays in the history as {@code canceled}.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it is not a draft
     */
    public void discardDraft(String tenantId, String messageId, String actor) {
        Message draft = requireMessage(tenantId, messageId);
        Message canceled = draft.status() == DeliveryStatus.DRAFT
                ? store.updateDelivery(tenantId, messageId, DeliveryUpdate.of(DeliveryStatus.CANCELED, clock.instant())).orElse(null)
                : null;
        if (canceled == null) {
            throw NonRetriableMessagingException.conflict("message " + messageId + " is not a draft");
        }
        audit(requireConversation(tenantId, draft.conversationId()), actor, "discard_draft", messageId);
        publishStatus(canceled);
    }

    /** Scores the conversation's satisfaction now and stores the result on it. */
    public Satisfaction score(String tenantId, String conversationId) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        Satisfaction satisfaction = scorer.score(conversation, store.recentMessages(tenantId, conversationId, historyLimit));
        Conversation updated = store.updateConversation(tenantId, conversationId, c -> c.withSatisfaction(satisfaction));
        appendEvent(updated, ConversationEvent.SCORED, Map.of("score", satisfaction.score(),
                "sentiment", satisfaction.sentiment().wireName(), "outcome", satisfaction.outcome()));
        events.publish(MessagingEvent.conversationUpdated(updated));
        return satisfaction;
    }

    /** One to three replies staff could send next. */
    public List<String> suggestReplies(String tenantId, String conversationId) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        List<String> suggestions = summarizer.suggestReplies(conversation, store.recentMessages(tenantId, conversationId, historyLimit));
        return suggestions.subList(0, Math.min(3, suggestions.size()));
    }

    /** The newest {@code historyLimit} messages of the conversation, oldest first. */
    private List<Message> recentMessages(Conversation conversation) {
        return store.recentMessages(conversation.tenantId(), conversation.id(), historyLimit);
    }

    private Conversation refreshHeadline(Conversation conversation, List<Message> recent) {
        try {
            String headline = summarizer.headline(conversation, recent);
            if (headline == null || headline.isBlank() || headline.equals(conversation.headline())) {
                return conversation;
            }
            return store.updateConversation(conversation.tenantId(), conversation.id(), c -> c.withHeadline(headline));
        } catch (RuntimeException e) {
            // A headline is a nicety: never let it cost the customer's message.
            log.debug("Headline failed for conversation {}", conversation.id(), e);
            return conversation;
        }
    }

    // ------------------------------------------------------------------ delivery status

    /**
     * Applies a provider's status callback to the message with that provider id. Statuses only move
     * forward; a repeated or late callback changes nothing.
     *
     * @return applied, not a forward move, or unknown when no message has that provider id (yet)
     */
    public CallbackResult updateDeliveryByProviderId(String tenantId, ChannelId channel, String providerMessageId,
                                                     DeliveryUpdate update) {
        return store.findMessageByProviderId(tenantId, channel, providerMessageId)
                .map(message -> updateDelivery(message, update))
                .orElseGet(CallbackResult::unknown);
    }

    /**
     * Applies a status update to the message with our id (from SendGrid's custom args, or the {@code message_id} on
     * Twilio's status-callback URL). A provider id in the update is stored when the message has none yet, which is
     * how a callback confirms a send whose worker stopped before it could record the provider's answer.
     *
     * @return applied, not a forward move, or unknown when no message has that id
     * @throws NonRetriableMessagingException {@code conflict} when another message already has that provider id
     */
    public CallbackResult updateDelivery(String tenantId, String messageId, DeliveryUpdate update) {
        return store.findMessage(tenantId, messageId)
                .map(message -> updateDelivery(message, update))
                .orElseGet(CallbackResult::unknown);
    }

    private CallbackResult updateDelivery(Message message, DeliveryUpdate update) {
        Optional<Message> updated = store.updateDelivery(message.tenantId(), message.id(), update);
        updated.ifPresent(this::publishStatus);
        return updated.map(CallbackResult::applied).orElseGet(() -> CallbackResult.notForward(message));
    }

    /**
     * Opts the customer with this address out of the channel, e.g. on a bounce, spam report or a
     * provider's unsubscribe error. An unknown address gets a contact, so a later first message to it is
     * refused too. When the provider names the message that triggered it, prefer
     * {@link #optOutForMessage} so the conversation's timeline records it.
     *
     * @return the contact, now opted out
     */
    public Contact optOut(String tenantId, ChannelId channel, String address, String reason) {
        boolean phone = channel.isPhoneBased();
        String normalized = phone ? PhoneNumbers.toE164(address, defaultRegion, "address") : EmailAddresses.normalize(address, "address");
        Contact contact = store.upsertContact(tenantId, phone ? normalized : null, phone ? null : normalized, null);
        log.info("Contact {} opted out of {}: {}", contact.id(), channel, reason);
        return consent.changing(tenantId, contact.id(), () -> store.setOptedOut(tenantId, contact.id(), channel, true));
    }

    /**
     * Opts the recipient of {@code messageId} out of its channel and records an
     * {@link ConversationEvent#OPTED_OUT} event on that conversation.
     *
     * @throws NonRetriableMessagingException {@code not_found}
     */
    public void optOutForMessage(String tenantId, String messageId, String reason) {
        Message message = requireMessage(tenantId, messageId);
        optOut(requireConversation(tenantId, message.conversationId()), message.channel(), reason);
    }

    private void optOut(Conversation conversation, ChannelId channel, String reason) {
        consent.changing(conversation.tenantId(), conversation.contactId(),
                () -> store.setOptedOut(conversation.tenantId(), conversation.contactId(), channel, true));
        appendEvent(conversation, ConversationEvent.OPTED_OUT, Map.of("channel", channel.value(), "reason", reason));
        events.publish(MessagingEvent.conversationUpdated(conversation));
    }

    /**
     * Records that the provider event named {@code key} was handled, for webhooks that deliver an event more than once
     * (SendGrid's {@code sg_event_id}). Kept by the store, so a repeat handled by another app instance is caught too.
     *
     * @return true the first time for this tenant and key, false for every repeat
     */
    public boolean markProcessed(String tenantId, String key) {
        return store.markProcessed(tenantId, key);
    }

    /**
     * Finds or creates the contact of a phone number or email address as a person typed it (an email when it has an
     * {@code @}, else a phone number in the default region), giving it {@code name} when it has none.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code field} when the address is not valid
     */
    public Contact contactFor(String tenantId, String address, @Nullable String name, String field) {
        boolean email = address.indexOf('@') >= 0;
        String normalized = email ? EmailAddresses.normalize(address, field) : PhoneNumbers.toE164(address, defaultRegion, field);
        return store.upsertContact(tenantId, email ? null : normalized, email ? normalized : null, blankToNull(name));
    }

    /** The contact with this id, if the tenant has it. */
    public Optional<Contact> findContact(String tenantId, String contactId) {
        return store.findContact(tenantId, contactId);
    }

    /** The conversation with this id, if the tenant has it; {@link #getConversation} also reads its messages. */
    public Optional<Conversation> findConversation(String tenantId, String conversationId) {
        return store.findConversation(tenantId, conversationId);
    }

    /** The message with this id, if the tenant has it. */
    public Optional<Message> findMessage(String tenantId, String messageId) {
        return store.findMessage(tenantId, messageId);
    }

    /**
     * Adds an event of the host's own to the conversation's timeline (e.g. an integration noting what it did) and
     * tells subscribers the conversation changed.
     *
     * @throws NonRetriableMessagingException {@code not_found}
     */
    public ConversationEvent recordEvent(String tenantId, String conversationId, String type, Map<String, Object> data) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        ConversationEvent event = event(conversation, type, data);
        store.appendEvent(event);
        events.publish(MessagingEvent.conversationUpdated(conversation));
        return event;
    }

    /** Outbound messages waiting in the outbox, claimed or not (for health checks and metrics). */
    public long pendingDeliveries() {
        return outbox.pendingCount();
    }

    // ------------------------------------------------------------------ read model

    /** A conversation with its contact and messages in arrival order. Does not change read state. */
    public ConversationDetail getConversation(String tenantId, String conversationId) {
        Conversation conversation = requireConversation(tenantId, conversationId);
        Contact contact = store.findContact(tenantId, conversation.contactId()).orElseThrow();
        return new ConversationDetail(conversation, contact, store.messages(tenantId, conversationId));
    }

    /** One page of conversations, newest activity first. */
    public ConversationPage listConversations(String tenantId, ConversationQuery query) {
        StorableText.require(query.text(), "q");
        return store.listConversations(tenantId, query);
    }

    /** The conversation's timeline events (status changes, tool calls, opt-outs, staff actions). */
    public List<ConversationEvent> events(String tenantId, String conversationId) {
        requireConversation(tenantId, conversationId);
        return store.events(tenantId, conversationId);
    }

    /** A message by id. */
    public Message getMessage(String tenantId, String messageId) {
        return requireMessage(tenantId, messageId);
    }

    /** Unread inbound messages per channel. */
    public Map<ChannelId, Long> unreadCounts(String tenantId) {
        return store.unreadByChannel(tenantId);
    }

    /**
     * Marks every inbound message of the conversation read.
     *
     * @return how many were unread; the conversation's unread count is 0 afterwards
     */
    public long markRead(String tenantId, String conversationId) {
        requireConversation(tenantId, conversationId);
        long cleared = store.markRead(tenantId, conversationId);
        if (cleared > 0) {
            Conversation conversation = requireConversation(tenantId, conversationId);
            appendEvent(conversation, ConversationEvent.MARKED_READ, Map.of("cleared", cleared));
            events.publish(MessagingEvent.conversationUpdated(conversation));
        }
        return cleared;
    }

    /**
     * Changes the conversation's status. Reactivating fails with {@code conflict} when the customer has
     * another active conversation on the same thread.
     */
    public Conversation changeStatus(String tenantId, String conversationId, ConversationStatus status) {
        Conversation before = requireConversation(tenantId, conversationId);
        if (before.status() == status) {
            return before;
        }
        Conversation updated = store.updateConversation(tenantId, conversationId, c -> c.withStatus(status));
        appendEvent(updated, ConversationEvent.STATUS_CHANGED, Map.of("from", before.status().wireName(), "to", status.wireName()));
        events.publish(MessagingEvent.conversationUpdated(updated));
        return updated;
    }

    /** Receives every event this manager's bus carries, for all tenants. */
    public MessagingEventBus.Subscription subscribe(Consumer<MessagingEvent> listener) {
        return events.subscribe(listener);
    }

    /** The channels this manager can send on. */
    public Set<ChannelId> sendingChannels() {
        return channels.keySet();
    }

    /** Whether {@code channel} is built in or has a registered sender. */
    public boolean isKnownChannel(ChannelId channel) {
        return BUILT_IN.contains(channel) || channels.containsKey(channel);
    }

    // ------------------------------------------------------------------ delivery lifecycle

    /**
     * Sends due outbox entries from the calling thread until none is left due.
     *
     * @return how many entries were processed
     */
    public int deliverDue() {
        String workerId = "caller-" + Thread.currentThread().getId();
        int total = 0;
        int claimed;
        while ((claimed = dispatcher.dispatchBatch(workerId, 50)) > 0) {
            total += claimed;
        }
        return total;
    }

    /** Starts {@code workerCount} background delivery threads; does nothing when they run already. */
    public void startDelivery(int workerCount) {
        workers.start(workerCount);
    }

    /** Stops delivery threads, letting in-flight sends finish for up to 10 s and releasing any claims left. */
    @Override
    public void close() {
        workers.stop(Duration.ofSeconds(10));
        toolExecutor.shutdownNow();
    }

    // ------------------------------------------------------------------ helpers

    private void publishStatus(Message message) {
        events.publish(MessagingEvent.messageStatus(message));
    }

    private void audit(Conversation conversation, String actor, String action, String messageId) {
        appendEvent(conversation, ConversationEvent.STAFF_ACTION, Map.of("actor", actor, "action", action, "message_id", messageId));
    }

    private void appendEvent(Conversation conversation, String type, Map<String, Object> data) {
        store.appendEvent(event(conversation, type, data));
    }

    private ConversationEvent event(Conversation conversation, String type, Map<String, Object> data) {
        return new ConversationEvent(ids.newId(), conversation.tenantId(), conversation.id(), type, data, clock.instant());
    }

    private Conversation requireConversation(String tenantId, String conversationId) {
        return store.findConversation(tenantId, conversationId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", conversationId));
    }

    private Message requireMessage(String tenantId, String messageId) {
        return store.findMessage(tenantId, messageId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("message", messageId));
    }

    private static void requireNotArchived(Conversation conversation) {
        if (conversation.status() == ConversationStatus.ARCHIVED) {
            throw NonRetriableMessagingException.conflict("conversation " + conversation.id() + " is archived");
        }
    }

    private void requireKnownChannel(ChannelId channel) {
        if (!isKnownChannel(channel)) {
            throw new NonRetriableMessagingException(ErrorCode.UNKNOWN_CHANNEL, "unknown channel: " + channel, "channel");
        }
    }

    private void requireContent(String content, boolean hasMedia) {
        StorableText.require(content, "content");
        if (content.isBlank() && !hasMedia) {
            throw NonRetriableMessagingException.validation("content", "content is required");
        }
        if (content.length() > maxContentLength) {
            throw NonRetriableMessagingException.validation("content", "content is longer than " + maxContentLength + " characters");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Builds a {@link MessageManager}; every setting has a working default. */
    public static final class Builder {
        private @Nullable ConversationStore store;
        private @Nullable OutboxStore outbox;
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

        private Builder() {
        }

        /** The store; when it also implements {@link OutboxStore} it serves as the outbox too. Default: in memory. */
        public Builder store(ConversationStore value) {
            this.store = Objects.requireNonNull(value, "store");
            if (value instanceof OutboxStore o && outbox == null) {
                this.outbox = o;
            }
            return this;
        }

        /** The outbox, when the store does not implement it. */
        public Builder outbox(OutboxStore value) {
            this.outbox = Objects.requireNonNull(value, "outbox");
            return this;
        }

        /** Registers a channel under its {@link Channel#id()}; a later one with the same id replaces it. */
        public Builder channel(Channel value) {
            channels.put(value.id(), value);
            return this;
        }

        public Builder channels(List<? extends Channel> values) {
            values.forEach(this::channel);
            return this;
        }

        /** The AI responder. Without one, inbound messages get no automatic reply. */
        public Builder responder(@Nullable AiResponder value) {
            this.responder = value;
            return this;
        }

        /** Tools the responder may call. */
        public Builder tool(AiTool value) {
            if (tools.stream().anyMatch(t -> t.name().equals(value.name()))) {
                throw new IllegalArgumentException("duplicate tool name: " + value.name());
            }
            tools.add(value);
            return this;
        }

        public Builder tools(List<AiTool> values) {
            values.forEach(this::tool);
            return this;
        }

        public Builder scorer(SatisfactionScorer value) {
            this.scorer = Objects.requireNonNull(value, "scorer");
            return this;
        }

        public Builder summarizer(ConversationSummarizer value) {
            this.summarizer = Objects.requireNonNull(value, "summarizer");
            return this;
        }

        public Builder eventBus(MessagingEventBus value) {
            this.events = Objects.requireNonNull(value, "eventBus");
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder idGenerator(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /** The same AI mode for every tenant and channel. Default {@link AiMode#AUTO}. */
        public Builder aiMode(AiMode value) {
            Objects.requireNonNull(value, "aiMode");
            this.aiModes = (tenant, channel) -> value;
            return this;
        }

        /** The AI mode per tenant and channel. */
        public Builder aiModes(BiFunction<String, ChannelId, AiMode> value) {
            this.aiModes = Objects.requireNonNull(value, "aiModes");
            return this;
        }

        /** The same consent keywords and plain-words handling for every tenant. Default {@link ConsentPolicy#DEFAULT}. */
        public Builder consentPolicy(ConsentPolicy value) {
            Objects.requireNonNull(value, "consentPolicy");
            this.consentPolicies = tenant -> value;
            return this;
        }

        /** The consent keywords and plain-words handling per tenant. */
        public Builder consentPolicies(Function<String, ConsentPolicy> value) {
            this.consentPolicies = Objects.requireNonNull(value, "consentPolicies");
            return this;
        }

        /** How many automatic AI replies may follow each other without a person's turn. Default {@link AiLoopGuard#DEFAULT}. */
        public Builder aiLoopGuard(AiLoopGuard value) {
            this.loopGuard = Objects.requireNonNull(value, "aiLoopGuard");
            return this;
        }

        /** ISO region for phone numbers written without a country code. Default {@code US}. */
        public Builder defaultRegion(String value) {
            this.defaultRegion = Objects.requireNonNull(value, "defaultRegion");
            return this;
        }

        /** Longest message text accepted, in characters. Default 10,000. */
        public Builder maxContentLength(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxContentLength must be positive");
            }
            this.maxContentLength = value;
            return this;
        }

        /** Messages given to the AI as history. Default 50. */
        public Builder historyLimit(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("historyLimit must be positive");
            }
            this.historyLimit = value;
            return this;
        }

        /** Longest a host tool may run. Default 10 s. */
        public Builder toolTimeout(Duration value) {
            this.toolTimeout = Objects.requireNonNull(value, "toolTimeout");
            return this;
        }

        /** The answer to the {@code HELP} keyword. */
        public Builder helpText(String value) {
            this.helpText = Objects.requireNonNull(value, "helpText");
            return this;
        }

        /** Domain part of the {@code Message-ID}s of our emails. Default {@code threadline.local}. */
        public Builder messageIdDomain(String value) {
            this.messageIdDomain = Objects.requireNonNull(value, "messageIdDomain");
            return this;
        }

        /** Where to resend a message that failed for good on its channel. Default: nowhere. */
        public Builder fallbackChannels(FallbackChannels value) {
            this.fallbacks = Objects.requireNonNull(value, "fallbackChannels");
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retryPolicy");
            return this;
        }

        /** How long a worker's claim on an outbox entry lasts before another worker may take it. Default 2 min. */
        public Builder deliveryLease(Duration value) {
            this.deliveryLease = Objects.requireNonNull(value, "deliveryLease");
            return this;
        }

        /**
         * How long after a claim's lease ran out, its worker gone mid-send, the message waits before it is looked up
         * at the provider or sent again: time for a status callback carrying our message id to confirm the attempt
         * that may have got through. Default 1 min, on top of the lease.
         */
        public Builder inDoubtGrace(Duration value) {
            if (Objects.requireNonNull(value, "inDoubtGrace").isNegative()) {
                throw new IllegalArgumentException("inDoubtGrace must not be negative");
            }
            this.inDoubtGrace = value;
            return this;
        }

        /** How often idle delivery workers look for due entries (other instances' and scheduled ones). Default 500 ms. */
        public Builder pollInterval(Duration value) {
            this.pollInterval = Objects.requireNonNull(value, "pollInterval");
            return this;
        }

        /** Outbox entries a worker claims at once. Default 20. */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batchSize must be positive");
            }
            this.batchSize = value;
            return this;
        }

        public MessageManager build() {
            if (ids == null) {
                ids = new TimeOrderedIdGenerator(clock);
            }
            if (store == null) {
                InMemoryConversationStore memory = new InMemoryConversationStore(ids, clock);
                store = memory;
                if (outbox == null) {
                    outbox = memory;
                }
            }
            if (outbox == null) {
                throw new IllegalStateException("the store does not implement OutboxStore: set outbox(...)");
            }
            if (scorer == null) {
                scorer = new HeuristicSatisfactionScorer();
            }
            if (summarizer == null) {
                summarizer = new HeuristicSummarizer();
            }
            if (events == null) {
                events = new InProcessEventBus();
            }
            return new MessageManager(this);
        }
    }
}
