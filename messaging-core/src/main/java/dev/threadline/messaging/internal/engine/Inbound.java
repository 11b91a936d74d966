package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.VoiceTranscript;
import dev.threadline.messaging.consent.ConsentPolicy;
import dev.threadline.messaging.consent.ConsentSignal;
import dev.threadline.messaging.spi.AppendResult;
import dev.threadline.messaging.spi.ConsentChange;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Customer messages in: stored first, in one transaction with any consent change they carry; then the headline
 * and, per the AI mode, the reply. Finished calls come in as voice transcripts.
 */
public final class Inbound {

    /** {@link Conversation#NEEDS_STAFF} reason for a request to stop written in plain words. */
    static final String STOP_REQUEST_FLAG = "stop_request";

    /**
     * Messages after which the headline stops being refreshed on every inbound message: what the customer
     * wants is said early, and a model-backed summarizer should not add a call to every message.
     */
    private static final int HEADLINE_SETTLES_AFTER = 6;

    private final ConversationStore store;
    private final Threads threads;
    private final Replies replies;
    private final Outbound outbound;
    private final Conversations conversations;
    private final Timeline timeline;
    private final InputRules rules;
    private final ConsentGate consent;
    private final Function<String, ConsentPolicy> consentPolicies;
    private final IdGenerator ids;
    private final Clock clock;
    private final String helpText;

    Inbound(ConversationStore store, Threads threads, Replies replies, Outbound outbound, Conversations conversations,
            Timeline timeline, InputRules rules, ConsentGate consent, Function<String, ConsentPolicy> consentPolicies,
            IdGenerator ids, Clock clock, String helpText) {
        this.store = store;
        this.threads = threads;
        this.replies = replies;
        this.outbound = outbound;
        this.conversations = conversations;
        this.timeline = timeline;
        this.rules = rules;
        this.consent = consent;
        this.consentPolicies = consentPolicies;
        this.ids = ids;
        this.clock = clock;
        this.helpText = helpText;
    }

    public ReceiveResult receive(InboundMessage received) {
        rules.requireKnownChannel(received.channel());
        InboundMessage inbound = StorableInbound.of(received);
        if (inbound.providerMessageId() == null) {
            // Typed input must say something; what a provider delivered (a location pin, an empty
            // WhatsApp message) is the customer's and is stored as it came.
            rules.requireContent(inbound.body(), !inbound.mediaUrls().isEmpty());
        } else {
            Optional<Message> earlier = store.findMessageByProviderId(inbound.tenantId(), inbound.channel(), inbound.providerMessageId());
            if (earlier.isPresent()) {
                return duplicate(earlier.get());
            }
        }
        Conversation conversation = marked(threads.forInbound(inbound), inbound);
        Optional<String> automatic = inbound.author() == Author.CUSTOMER ? AutoReplies.reason(inbound) : Optional.empty();
        Message message = message(inbound, conversation, automatic);
        ConsentSignal signal = inbound.author() == Author.CUSTOMER && automatic.isEmpty()
                ? consentPolicies.apply(inbound.tenantId()).classify(message.body()) : ConsentSignal.NONE;
        ConsentChange change = consentChange(conversation, message, signal);
        AppendResult appended = change == null ? store.append(message, null)
                : consent.changing(conversation.tenantId(), conversation.contactId(), () -> store.append(message, null, change));
        if (appended.duplicate()) {
            return duplicate(appended.message());
        }
        conversation = appended.conversation();
        timeline.created(message);
        // Consent comes first and alone: no provider call (headline, AI) may delay or follow a STOP.
        switch (signal) {
            case OPT_OUT -> {
                return stored(conversation, message);
            }
            case STOP_REQUEST -> {
                return new ReceiveResult(timeline.flagForStaff(conversation, STOP_REQUEST_FLAG), message, false, null, null);
            }
            case OPT_IN -> {
                if (change != null) {
                    return stored(conversation, message);
                }
            }
            case HELP -> {
                timeline.updated(conversation);
                Message help = outbound.enqueue(conversation, null, helpText, List.of(), Author.SYSTEM, null, Map.of());
                return new ReceiveResult(conversation, message, false, help, null);
            }
            case NONE -> {
            }
        }
        if (automatic.isPresent()) {
            // Stored for staff to see, never answered: an AI reply to an out-of-office reply starts a loop.
            return stored(conversation, message);
        }
        return answer(inbound, conversation, message);
    }

    /**
     * The conversation with what the message says of it: its context (what it is about), and spam when the sender is
     * known to be a bot, changed before anything answers or notifies. One write, and only when something changes.
     */
    private Conversation marked(Conversation conversation, InboundMessage inbound) {
        boolean newContext = inbound.context() != null && !inbound.context().equals(conversation.context());
        boolean newSpam = inbound.markedSpam() && conversation.status() != ConversationStatus.SPAM;
        if (!newContext && !newSpam) {
            return conversation;
        }
        return store.updateConversation(conversation.tenantId(), conversation.id(), c -> {
            Conversation changed = newContext ? c.withContext(inbound.context()) : c;
            return newSpam ? changed.withStatus(ConversationStatus.SPAM) : changed;
        });
    }

    private Message message(InboundMessage inbound, Conversation conversation, Optional<String> automatic) {
        Instant at = inbound.receivedAt() != null ? inbound.receivedAt() : clock.instant();
        Map<String, String> metadata = inbound.metadata();
        if (automatic.isPresent()) {
            metadata = new LinkedHashMap<>(metadata);
            metadata.put(Message.META_AUTO_REPLY, automatic.get());
        }
        return new Message(ids.newId(), inbound.tenantId(), conversation.id(), inbound.channel(), Direction.INBOUND,
                inbound.author(), inbound.body(), inbound.subject(), inbound.mediaUrls(), inbound.providerMessageId(),
                inbound.threadRef(), DeliveryStatus.RECEIVED, at, at, null, null, metadata);
    }

    /** The headline and the AI reply of a stored customer message, as the tenant's settings say. */
    private ReceiveResult answer(InboundMessage inbound, Conversation stored, Message message) {
        Conversation conversation = stored;
        boolean headlineDue = conversation.headline() == null || conversation.messageCount() <= HEADLINE_SETTLES_AFTER;
        boolean replyDue = shouldGenerateReply(inbound, conversation);
        // Read once for the headline and the reply: the path of every customer message.
        List<Message> recent = headlineDue || replyDue ? replies.recentMessages(conversation) : List.of();
        if (headlineDue) {
            conversation = replies.refreshHeadline(conversation, recent);
        }
        timeline.updated(conversation);
        if (!replyDue) {
            return new ReceiveResult(conversation, message, false, null, null);
        }
        try {
            Replies.Generated reply = replies.replyTo(conversation, Replies.Trigger.INBOUND, recent);
            if (reply == null) {
                return new ReceiveResult(timeline.requireConversation(conversation.tenantId(), conversation.id()), message, false, null, null);
            }
            return new ReceiveResult(conversation, message, false, reply.message(), reply.replacedFailure());
        } catch (MessagingException e) {
            return new ReceiveResult(conversation, message, false, null, e);
        }
    }

    private ReceiveResult stored(Conversation conversation, Message message) {
        timeline.updated(conversation);
        return new ReceiveResult(conversation, message, false, null, null);
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
                    .map(contact -> new ConsentChange(channel, false, timeline.event(conversation, ConversationEvent.OPTED_IN,
                            Map.of("channel", channel.value(), "keyword", message.body().strip()))))
                    .orElse(null);
            case HELP, NONE -> null;
        };
    }

    private ConsentChange optOutChange(Conversation conversation, Map<String, Object> data) {
        return new ConsentChange(conversation.channel(), true, timeline.event(conversation, ConversationEvent.OPTED_OUT, data));
    }

    private ReceiveResult duplicate(Message earlier) {
        return new ReceiveResult(timeline.requireConversation(earlier.tenantId(), earlier.conversationId()), earlier, true, null, null);
    }

    /** Spam never gets an AI reply, not even one asked for: staff set another status first. */
    private boolean shouldGenerateReply(InboundMessage inbound, Conversation conversation) {
        if (!replies.hasResponder() || Boolean.FALSE.equals(inbound.generateAiReply()) || inbound.author() != Author.CUSTOMER
                || conversation.status() == ConversationStatus.SPAM) {
            return false;
        }
        return Boolean.TRUE.equals(inbound.generateAiReply()) || replies.repliesAutomatically(conversation);
    }

    public Conversation recordVoiceTranscript(VoiceTranscript transcript) {
        String phone = threads.phone(transcript.customerPhone(), "customer_phone");
        String callKey = transcript.callId() != null ? transcript.callId() : ids.newId();
        Conversation conversation = threads.openCall(transcript.tenantId(), phone, transcript.customerName(), transcript.ourAddress(),
                callKey, transcript.turns().get(0).at());
        int turn = 0;
        for (VoiceTranscript.Turn t : transcript.turns()) {
            boolean fromCaller = t.speaker() == Author.CUSTOMER;
            Message message = new Message(ids.newId(), transcript.tenantId(), conversation.id(), ChannelId.VOICE,
                    fromCaller ? Direction.INBOUND : Direction.OUTBOUND, t.speaker(), t.text(), null, List.of(),
                    callKey + "#" + turn++, null, fromCaller ? DeliveryStatus.RECEIVED : DeliveryStatus.DELIVERED,
                    t.at(), t.at(), null, null, Map.of());
            AppendResult appended = store.append(message, null);
            conversation = appended.conversation();
            if (!appended.duplicate()) {
                timeline.created(message);
            }
        }
        conversation = replies.refreshHeadline(conversation, replies.recentMessages(conversation));
        return conversations.changeStatus(conversation, ConversationStatus.COMPLETED);
    }
}
