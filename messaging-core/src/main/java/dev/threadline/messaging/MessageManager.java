package dev.threadline.messaging;

import dev.threadline.messaging.consent.ConsentPolicy;
import dev.threadline.messaging.internal.engine.Engine;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.StaffUser;
import dev.threadline.messaging.spi.MessagingEventBus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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

    private final Engine engine;

    MessageManager(Engine engine) {
        this.engine = engine;
    }

    /** A builder with in-memory, offline defaults for everything. */
    public static MessageManagerBuilder builder() {
        return new MessageManagerBuilder();
    }

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
        return engine.inbound().receive(received);
    }

    /**
     * Stores a finished call as a {@code voice} conversation, one message per turn in order, marked
     * completed. A transcript with a call id already stored is not stored again.
     */
    public Conversation recordVoiceTranscript(VoiceTranscript transcript) {
        return engine.inbound().recordVoiceTranscript(transcript);
    }

    /**
     * Queues a staff reply on the conversation's channel.
     *
     * @param actor who replied, for the audit trail (a user name or API key label)
     * @throws NonRetriableMessagingException {@code not_found}, {@code conflict} (archived),
     *         {@code recipient_opted_out}, or {@code validation_failed} for bad content
     */
    public Message reply(String tenantId, String conversationId, String content, String actor) {
        return engine.outbound().reply(tenantId, conversationId, content, actor);
    }

    /**
     * Starts or continues a conversation with a customer from our side: reminders, campaigns, first
     * contact. Joins the customer's active conversation on the channel, else opens one.
     */
    public Message send(OutboundMessage outbound) {
        return engine.outbound().send(outbound);
    }

    /**
     * Cancels a queued or scheduled message that no worker has claimed yet.
     *
     * @return false when it was already being sent, sent, or unknown
     */
    public boolean cancelScheduled(String tenantId, String messageId) {
        return engine.outbound().cancelScheduled(tenantId, messageId);
    }

    /** Moves a scheduled message that no worker has claimed yet to {@code sendAt}. */
    public boolean reschedule(String tenantId, String messageId, Instant sendAt) {
        return engine.outbound().reschedule(tenantId, messageId, sendAt);
    }

    /** When a scheduled message that no worker has claimed yet will be sent; empty once claimed, sent, canceled or unknown. */
    public Optional<Instant> scheduledFor(String tenantId, String messageId) {
        return engine.outbound().scheduledFor(tenantId, messageId);
    }

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
        return engine.replies().generateReply(tenantId, conversationId);
    }

    /**
     * Like {@link #generateReply}, but also when the last message is ours: a deliberate follow-up ("Just checking
     * you got our message…").
     */
    public Message generateFollowUp(String tenantId, String conversationId) {
        return engine.replies().generateFollowUp(tenantId, conversationId);
    }

    /**
     * Sends a {@code draft} AI reply, with {@code editedContent} replacing its text when not null.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it is not a draft
     */
    public Message approveDraft(String tenantId, String messageId, @Nullable String editedContent, String actor) {
        return engine.replies().approveDraft(tenantId, messageId, editedContent, actor);
    }

    /**
     * Discards a {@code draft}; it stays in the history as {@code canceled}.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it is not a draft
     */
    public void discardDraft(String tenantId, String messageId, String actor) {
        engine.replies().discardDraft(tenantId, messageId, actor);
    }

    /** Scores the conversation's satisfaction now and stores the result on it. */
    public Satisfaction score(String tenantId, String conversationId) {
        return engine.replies().score(tenantId, conversationId);
    }

    /** One to three replies staff could send next. */
    public List<String> suggestReplies(String tenantId, String conversationId) {
        return engine.replies().suggestReplies(tenantId, conversationId);
    }

    /**
     * Applies a provider's status callback to the message with that provider id. Statuses only move
     * forward; a repeated or late callback changes nothing.
     *
     * @return applied, not a forward move, or unknown when no message has that provider id (yet)
     */
    public CallbackResult updateDeliveryByProviderId(String tenantId, ChannelId channel, String providerMessageId,
                                                     DeliveryUpdate update) {
        return engine.callbacks().updateDeliveryByProviderId(tenantId, channel, providerMessageId, update);
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
        return engine.callbacks().updateDelivery(tenantId, messageId, update);
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
        return engine.callbacks().optOut(tenantId, channel, address, reason);
    }

    /**
     * Opts the recipient of {@code messageId} out of its channel and records an
     * {@link ConversationEvent#OPTED_OUT} event on that conversation.
     *
     * @throws NonRetriableMessagingException {@code not_found}
     */
    public void optOutForMessage(String tenantId, String messageId, String reason) {
        engine.callbacks().optOutForMessage(tenantId, messageId, reason);
    }

    /**
     * Records that the provider event named {@code key} was handled, for webhooks that deliver an event more than once
     * (SendGrid's {@code sg_event_id}). Kept by the store, so a repeat handled by another app instance is caught too.
     *
     * @return true the first time for this tenant and key, false for every repeat
     */
    public boolean markProcessed(String tenantId, String key) {
        return engine.callbacks().markProcessed(tenantId, key);
    }

    /**
     * Finds or creates the contact of a phone number or email address as a person typed it (an email when it has an
     * {@code @}, else a phone number in the default region), giving it {@code name} when it has none.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code field} when the address is not valid
     */
    public Contact contactFor(String tenantId, String address, @Nullable String name, String field) {
        return engine.conversations().contactFor(tenantId, address, name, field);
    }

    /** The contact with this id, if the tenant has it. */
    public Optional<Contact> findContact(String tenantId, String contactId) {
        return engine.conversations().findContact(tenantId, contactId);
    }

    /**
     * One page of the tenant's contacts, newest first, each with the channels it has conversations on, its latest
     * activity and how many conversations it has.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code cursor} or {@code q}
     */
    public ContactPage listContacts(String tenantId, ContactQuery query) {
        return engine.conversations().contacts(tenantId, query);
    }

    /**
     * A contact with every conversation it has on every channel, newest activity first.
     *
     * @throws NonRetriableMessagingException {@code not_found}
     */
    public ContactDetail getContact(String tenantId, String contactId) {
        return engine.conversations().contact(tenantId, contactId);
    }

    /** The conversation with this id, if the tenant has it; {@link #getConversation} also reads its messages. */
    public Optional<Conversation> findConversation(String tenantId, String conversationId) {
        return engine.conversations().find(tenantId, conversationId);
    }

    /** The message with this id, if the tenant has it. */
    public Optional<Message> findMessage(String tenantId, String messageId) {
        return engine.conversations().findMessage(tenantId, messageId);
    }

    /**
     * Adds an event of the host's own to the conversation's timeline (e.g. an integration noting what it did) and
     * tells subscribers the conversation changed.
     *
     * @throws NonRetriableMessagingException {@code not_found}
     */
    public ConversationEvent recordEvent(String tenantId, String conversationId, String type, Map<String, Object> data) {
        return engine.timeline().record(tenantId, conversationId, type, data);
    }

    /** Outbound messages waiting in the outbox, claimed or not (for health checks and metrics). */
    public long pendingDeliveries() {
        return engine.pendingDeliveries();
    }

    /** A conversation with its contact and messages in arrival order. Does not change read state. */
    public ConversationDetail getConversation(String tenantId, String conversationId) {
        return engine.conversations().detail(tenantId, conversationId);
    }

    /**
     * A conversation with its contact and its newest {@code messages} messages in arrival order, or, with {@code before}
     * (an {@link ConversationDetail#earlierCursor()}), the window before that; the cost does not grow with the
     * conversation. Does not change read state.
     *
     * @throws NonRetriableMessagingException {@code not_found}; {@code validation_failed} on {@code messages} (1 to 500)
     *         or on {@code before} (not a message of this conversation)
     */
    public ConversationDetail getConversation(String tenantId, String conversationId, int messages, @Nullable String before) {
        return engine.conversations().detail(tenantId, conversationId, messages, before);
    }

    /** One page of conversations, newest activity first. */
    public ConversationPage listConversations(String tenantId, ConversationQuery query) {
        return engine.conversations().list(tenantId, query);
    }

    /** The conversation's timeline events (status changes, tool calls, opt-outs, staff actions). */
    public List<ConversationEvent> events(String tenantId, String conversationId) {
        return engine.conversations().events(tenantId, conversationId);
    }

    /** A message by id. */
    public Message getMessage(String tenantId, String messageId) {
        return engine.timeline().requireMessage(tenantId, messageId);
    }

    /** Unread inbound messages per channel. */
    public Map<ChannelId, Long> unreadCounts(String tenantId) {
        return engine.conversations().unreadCounts(tenantId);
    }

    /**
     * Marks every inbound message of the conversation read.
     *
     * @return how many were unread; the conversation's unread count is 0 afterwards
     */
    public long markRead(String tenantId, String conversationId) {
        return engine.conversations().markRead(tenantId, conversationId);
    }

    /**
     * Changes the conversation's status. Reactivating fails with {@code conflict} when the customer has
     * another active conversation on the same thread.
     */
    public Conversation changeStatus(String tenantId, String conversationId, ConversationStatus status) {
        return engine.conversations().changeStatus(tenantId, conversationId, status);
    }

    /** Receives every event this manager's bus carries, for all tenants. */
    public MessagingEventBus.Subscription subscribe(Consumer<MessagingEvent> listener) {
        return engine.bus().subscribe(listener);
    }

    /** The channels this manager can send on. */
    public Set<ChannelId> sendingChannels() {
        return engine.sendingChannels();
    }

    /** Whether {@code channel} is built in or has a registered sender. */
    public boolean isKnownChannel(ChannelId channel) {
        return engine.isKnownChannel(channel);
    }

    /**
     * Sends due outbox entries from the calling thread until none is left due.
     *
     * @return how many entries were processed
     */
    public int deliverDue() {
        return engine.deliverDue();
    }

    /** Starts {@code workerCount} background delivery threads; does nothing when they run already. */
    public void startDelivery(int workerCount) {
        engine.startDelivery(workerCount);
    }

    /**
     * What {@code actor} may do with conversations: the operations a person uses, checked against the actor's role
     * and inboxes.
     */
    public Workspace workspace(Actor actor) {
        return new Workspace(this, engine, actor);
    }

    /** The tenant's staff users and inboxes, managed as {@code actor}. */
    public Team team(Actor actor) {
        return new Team(engine, actor);
    }

    /** The actor for the tenant's active staff user with {@code email}, if there is one. */
    public Optional<Actor> staffActor(String tenantId, String email) {
        return engine.staff().findUserByEmail(tenantId, email).filter(StaffUser::active).map(Actor::of);
    }

    /** Stops delivery threads, letting in-flight sends finish for up to 10 s and releasing any claims left. */
    @Override
    public void close() {
        engine.close();
    }
}
