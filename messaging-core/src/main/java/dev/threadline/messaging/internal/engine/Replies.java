package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.AiLoopGuard;
import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.spi.AiReply;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.ConversationSummarizer;
import dev.threadline.messaging.spi.SatisfactionScorer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** AI replies and drafts, and what staff ask of the AI: a reply now, a follow-up, a score, suggestions. */
public final class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    /** {@link Conversation#NEEDS_STAFF} reason when the {@link AiLoopGuard} withheld an AI reply. */
    static final String AI_LOOP_GUARD_FLAG = "ai_loop_guard";

    private final ConversationStore store;
    private final @Nullable AiResponder responder;
    private final Tools tools;
    private final SatisfactionScorer scorer;
    private final ConversationSummarizer summarizer;
    private final Function<Conversation, AiMode> aiModes;
    private final AiLoopGuard loopGuard;
    private final Outbound outbound;
    private final Timeline timeline;
    private final InputRules rules;
    private final Clock clock;
    private final int historyLimit;

    /** Why an AI reply is written, which decides what may stop it. */
    enum Trigger {
        /** An inbound message, unasked: the loop guard may withhold it. */
        INBOUND,
        /** Staff asked for a reply: there must be something of the customer's to answer. */
        STAFF_REQUEST,
        /** Staff asked for a follow-up to our own last message. */
        FOLLOW_UP
    }

    /** A stored AI reply and, when a fallback responder wrote it, the provider failure it replaced. */
    record Generated(Message message, @Nullable MessagingException replacedFailure) {
    }

    Replies(ConversationStore store, @Nullable AiResponder responder, Tools tools, SatisfactionScorer scorer,
            ConversationSummarizer summarizer, Function<Conversation, AiMode> aiModes, AiLoopGuard loopGuard,
            Outbound outbound, Timeline timeline, InputRules rules, Clock clock, int historyLimit) {
        this.store = store;
        this.responder = responder;
        this.tools = tools;
        this.scorer = scorer;
        this.summarizer = summarizer;
        this.aiModes = aiModes;
        this.loopGuard = loopGuard;
        this.outbound = outbound;
        this.timeline = timeline;
        this.rules = rules;
        this.clock = clock;
        this.historyLimit = historyLimit;
    }

    public Message generateReply(String tenantId, String conversationId) {
        return generate(tenantId, conversationId, Trigger.STAFF_REQUEST);
    }

    public Message generateFollowUp(String tenantId, String conversationId) {
        return generate(tenantId, conversationId, Trigger.FOLLOW_UP);
    }

    private Message generate(String tenantId, String conversationId, Trigger trigger) {
        Conversation conversation = timeline.requireConversation(tenantId, conversationId);
        Timeline.requireNotArchived(conversation);
        return Objects.requireNonNull(replyTo(conversation, trigger, recentMessages(conversation))).message();
    }

    /** Whether a responder is configured and the conversation's AI mode wants replies. */
    boolean repliesAutomatically(Conversation conversation) {
        return responder != null && aiModes.apply(conversation) != AiMode.OFF;
    }

    boolean hasResponder() {
        return responder != null;
    }

    /**
     * Generates, stores and (per the AI mode) queues the AI reply to {@code recent}, the conversation's newest messages.
     *
     * @return the reply, or null when the loop guard withheld it and flagged the conversation for staff
     */
    @Nullable Generated replyTo(Conversation conversation, Trigger trigger, List<Message> recent) {
        if (responder == null) {
            throw NonRetriableMessagingException.conflict("no AI responder is configured");
        }
        List<Message> history = recent.stream().filter(Message::isPartOfTheExchange).toList();
        if (trigger == Trigger.STAFF_REQUEST && !history.isEmpty() && history.get(history.size() - 1).direction() == Direction.OUTBOUND) {
            throw NonRetriableMessagingException.conflict("the last message is ours, so there is nothing to answer; ask for a follow-up to write one anyway");
        }
        if (trigger == Trigger.INBOUND && !loopGuard.allowsAnotherReply(history, clock.instant())) {
            log.info("Conversation {} reached the AI loop guard ({} replies in {} without a person's turn); flagged for staff",
                    conversation.id(), loopGuard.maxReplies(), loopGuard.window());
            if (!AI_LOOP_GUARD_FLAG.equals(conversation.metadata().get(Conversation.NEEDS_STAFF))) {
                timeline.flagForStaff(conversation, AI_LOOP_GUARD_FLAG);
            }
            return null;
        }
        AiReply reply;
        try {
            reply = responder.respond(tools.request(conversation, history));
        } catch (MessagingException e) {
            recordAiFailure(conversation, e.code(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("AI responder failed for conversation {}", conversation.id(), e);
            recordAiFailure(conversation, ErrorCode.PROVIDER_UNAVAILABLE, "the AI responder failed");
            throw new RetriableMessagingException("the AI responder failed", null, e);
        }
        AiReply.ProviderFailure replaced = reply.replacedFailure();
        Map<String, String> metadata = Map.of();
        MessagingException failure = null;
        if (replaced != null) {
            // A fallback answered: the outage is recorded, marked on the reply and reported, never silent.
            log.warn("AI provider failed for conversation {} ({}); a fallback responder answered", conversation.id(), replaced.code().wireName());
            recordAiFailure(conversation, replaced.code(), replaced.message());
            metadata = Map.of(Message.META_AI_FALLBACK, "true", Message.META_AI_ERROR_CODE, replaced.code().wireName(),
                    Message.META_AI_ERROR_MESSAGE, replaced.message());
            failure = new RetriableMessagingException(replaced.code(), replaced.message(), null, null);
        }
        boolean draft = aiModes.apply(conversation) == AiMode.DRAFT || !outbound.canSend(conversation.channel());
        Message message = draft ? outbound.draft(conversation, reply.content(), metadata)
                : outbound.enqueue(conversation, null, fitToChannel(reply.content(), conversation.channel()), List.of(), Author.AI, null, metadata);
        return new Generated(message, failure);
    }

    private String fitToChannel(String content, ChannelId channelId) {
        int max = outbound.requireSender(channelId).capabilities().maxBodyLength();
        return content.length() <= max ? content : content.substring(0, content.offsetByCodePoints(0, max - 1)) + "…";
    }

    private void recordAiFailure(Conversation conversation, ErrorCode code, @Nullable String message) {
        timeline.append(conversation, ConversationEvent.AI_FAILED, Map.of("code", code.wireName(),
                "message", Objects.requireNonNullElse(message, "")));
    }

    public Message approveDraft(String tenantId, String messageId, @Nullable String editedContent, String actor) {
        Message draft = timeline.requireMessage(tenantId, messageId);
        if (draft.status() != DeliveryStatus.DRAFT) {
            throw NonRetriableMessagingException.conflict("message " + messageId + " is not a draft");
        }
        Conversation conversation = timeline.requireConversation(tenantId, draft.conversationId());
        if (editedContent != null) {
            rules.requireContent(editedContent, false);
        }
        outbound.requireSender(conversation.channel());
        Message queued = store.approveDraft(tenantId, messageId, editedContent, clock.instant())
                .orElseThrow(() -> NonRetriableMessagingException.conflict("message " + messageId + " is not a draft"));
        timeline.audit(conversation, actor, editedContent == null ? "approve_draft" : "edit_and_approve_draft", messageId);
        outbound.queued(queued);
        return queued;
    }

    public void discardDraft(String tenantId, String messageId, String actor) {
        Message draft = timeline.requireMessage(tenantId, messageId);
        Message canceled = draft.status() == DeliveryStatus.DRAFT
                ? store.updateDelivery(tenantId, messageId, DeliveryUpdate.of(DeliveryStatus.CANCELED, clock.instant())).orElse(null)
                : null;
        if (canceled == null) {
            throw NonRetriableMessagingException.conflict("message " + messageId + " is not a draft");
        }
        timeline.audit(timeline.requireConversation(tenantId, draft.conversationId()), actor, "discard_draft", messageId);
        timeline.statusChanged(canceled);
    }

    public Satisfaction score(String tenantId, String conversationId) {
        Conversation conversation = timeline.requireConversation(tenantId, conversationId);
        Satisfaction satisfaction = scorer.score(conversation, recentMessages(conversation));
        Conversation updated = store.updateConversation(tenantId, conversationId, c -> c.withSatisfaction(satisfaction));
        timeline.append(updated, ConversationEvent.SCORED, Map.of("score", satisfaction.score(),
                "sentiment", satisfaction.sentiment().wireName(), "outcome", satisfaction.outcome()));
        timeline.updated(updated);
        return satisfaction;
    }

    public List<String> suggestReplies(String tenantId, String conversationId) {
        Conversation conversation = timeline.requireConversation(tenantId, conversationId);
        List<String> suggestions = summarizer.suggestReplies(conversation, recentMessages(conversation));
        return suggestions.subList(0, Math.min(3, suggestions.size()));
    }

    /** The newest {@code historyLimit} messages of the conversation, oldest first. */
    List<Message> recentMessages(Conversation conversation) {
        return store.recentMessages(conversation.tenantId(), conversation.id(), historyLimit);
    }

    /** Refreshes the conversation's headline from {@code recent}; a failing summarizer leaves it as it was. */
    Conversation refreshHeadline(Conversation conversation, List<Message> recent) {
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
}
