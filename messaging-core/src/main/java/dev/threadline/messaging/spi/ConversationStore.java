package dev.threadline.messaging.spi;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Durable home of contacts, conversations, messages and events. Every method is scoped by tenant and
 * each is atomic on its own; the manager composes them. Implementations must be thread-safe and, where
 * several processes share the data, enforce the uniqueness rules with the database, not in Java.
 *
 * <p>Run {@code dev.threadline.messaging.testkit.ConversationStoreContract} from messaging-test-kit
 * against an implementation to check it.
 */
public interface ConversationStore {

    /**
     * Finds the contact with this phone (E.164) or else this email, creating it when absent. A name is
     * filled in when the contact had none; a missing phone or email is added.
     */
    Contact upsertContact(String tenantId, @Nullable String phone, @Nullable String email, @Nullable String name);

    Optional<Contact> findContact(String tenantId, String contactId);

    /** Records the contact's opt-out ({@code optedOut}) or opt-in for one channel. */
    Contact setOptedOut(String tenantId, String contactId, ChannelId channel, boolean optedOut);

    Optional<Conversation> findConversation(String tenantId, String conversationId);

    /**
     * The conversation with this thread key that receives the thread's messages ({@link ConversationStatus#receivesThread()}:
     * active, or marked as spam), if any; the store keeps at most one.
     */
    Optional<Conversation> findActiveConversation(String tenantId, String threadKey);

    /** The conversation holding a message whose {@link Message#threadRef()} is one of {@code threadRefs}. */
    Optional<Conversation> findConversationByThreadRef(String tenantId, Collection<String> threadRefs);

    /**
     * Stores a new active conversation, unless an active one with the same thread key exists: then that
     * one is returned and {@code candidate} is dropped. Exactly one wins under any concurrency.
     */
    Conversation openConversation(Conversation candidate);

    /**
     * Applies {@code change} to the stored conversation under optimistic locking, retrying on conflict,
     * and returns the stored result. Counters are not changed through this method.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code not_found}
     */
    Conversation updateConversation(String tenantId, String conversationId, UnaryOperator<Conversation> change);

    /**
     * Appends a message and moves the conversation's counters in one transaction. When {@code dueAt} is
     * set, the message also enters the outbox, due then. A message whose provider id is already stored
     * for its tenant and channel is not stored again.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code not_found} for an unknown conversation
     */
    default AppendResult append(Message message, @Nullable Instant dueAt) {
        return append(message, dueAt, null);
    }

    /**
     * {@link #append(Message, Instant)}, and in the same transaction, when {@code consent} is set and the
     * message is not a duplicate, the contact's opt-out or opt-in with its event: a {@code STOP} is either
     * stored with its opt-out or not at all, so no crash or wait can come between them.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code not_found} for an unknown conversation
     */
    AppendResult append(Message message, @Nullable Instant dueAt, @Nullable ConsentChange consent);

    Optional<Message> findMessage(String tenantId, String messageId);

    /**
     * The messages with their conversations and contacts, keyed by message id; ids that match no message
     * are left out. Delivery workers call it once per claimed batch, so a store backed by a database should
     * answer it with one query; this default looks each message up on its own.
     */
    default Map<String, OutgoingMessage> outgoing(String tenantId, Collection<String> messageIds) {
        Map<String, OutgoingMessage> found = new LinkedHashMap<>();
        for (String messageId : messageIds) {
            findMessage(tenantId, messageId).ifPresent(message -> {
                Conversation conversation = findConversation(tenantId, message.conversationId()).orElseThrow();
                Contact contact = findContact(tenantId, conversation.contactId()).orElseThrow();
                found.put(messageId, new OutgoingMessage(message, conversation, contact));
            });
        }
        return found;
    }

    Optional<Message> findMessageByProviderId(String tenantId, ChannelId channel, String providerMessageId);

    /** The conversation's messages in arrival order. */
    List<Message> messages(String tenantId, String conversationId);

    /** The newest {@code limit} messages in arrival order. */
    List<Message> recentMessages(String tenantId, String conversationId, int limit);

    /**
     * The newest {@code limit} messages that arrived before the conversation's message {@code beforeMessageId}, in
     * arrival order: a window further back than {@link #recentMessages}. Empty when that message is not the
     * conversation's.
     */
    List<Message> messagesBefore(String tenantId, String conversationId, String beforeMessageId, int limit);

    /**
     * Applies a delivery update when it moves the message forward (see
     * {@link dev.threadline.messaging.DeliveryStatus#canMoveTo}); otherwise changes nothing. A message keeps
     * the first provider id it was given.
     *
     * @return the updated message, or empty when the update was not a forward move or the message is unknown
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code conflict} when the update would give
     *         the message a provider id another message of its tenant and channel already has; nothing changes
     */
    Optional<Message> updateDelivery(String tenantId, String messageId, DeliveryUpdate update);

    /**
     * Turns a {@code draft} into a {@code queued} outbox entry due at {@code dueAt}, with {@code body}
     * replacing the draft's text when not null.
     *
     * @return the queued message, or empty when the message is unknown or no longer a draft
     */
    Optional<Message> approveDraft(String tenantId, String messageId, @Nullable String body, Instant dueAt);

    /** Marks every inbound message of the conversation read and zeroes its unread count; returns how many were unread. */
    long markRead(String tenantId, String conversationId);

    void appendEvent(ConversationEvent event);

    /** The conversation's events in the order they happened. */
    List<ConversationEvent> events(String tenantId, String conversationId);

    /**
     * The conversation's events of one {@code type} that happened at or after {@code since}, in the order they happened:
     * e.g. the tool calls within the AI's history window, read at a cost that does not grow with the timeline.
     */
    List<ConversationEvent> events(String tenantId, String conversationId, String type, Instant since);

    /** One page of conversations, newest activity first, ties by id. */
    ConversationPage listConversations(String tenantId, ConversationQuery query);

    /** One page of contacts, ids descending, each with its channels, latest activity and conversation count. */
    ContactPage listContacts(String tenantId, ContactQuery query);

    /** Every conversation of the contact, on every channel, newest activity first, ties by id. */
    List<Conversation> conversationsOf(String tenantId, String contactId);

    /** Unread inbound messages per channel, channels without unread omitted; spam, which lists leave out, is not counted. */
    Map<ChannelId, Long> unreadByChannel(String tenantId);

    /**
     * Records that {@code key} was processed (a webhook delivery, an idempotent tool call).
     *
     * @return true the first time for this tenant and key, false for every repeat
     */
    boolean markProcessed(String tenantId, String key);
}
