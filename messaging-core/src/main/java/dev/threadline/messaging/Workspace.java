package dev.threadline.messaging;

import dev.threadline.messaging.internal.engine.Engine;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The conversations one {@link Actor} works, and what they may do with them: the {@link MessageManager} operations
 * a person uses, each checked here against the actor's role and inboxes. A conversation (or message) outside the
 * actor's inboxes answers {@code not_found}, as another tenant's would; a role that does not allow an operation
 * answers {@code forbidden}. Get one from {@link MessageManager#workspace(Actor)}.
 */
public final class Workspace {

    private final MessageManager manager;
    private final Engine engine;
    private final Actor actor;
    private final String tenantId;

    Workspace(MessageManager manager, Engine engine, Actor actor) {
        this.manager = manager;
        this.engine = engine;
        this.actor = actor;
        this.tenantId = actor.tenantId();
    }

    public Actor actor() {
        return actor;
    }

    /** The inboxes this actor works. */
    public List<Inbox> inboxes() {
        return new Team(engine, actor).inboxes();
    }

    /**
     * The conversation list, within the actor's inboxes: an {@link ConversationQuery#inboxIds() inbox filter} is
     * narrowed to them.
     */
    public ConversationPage listConversations(ConversationQuery query) {
        actor.require(Role.VIEWER, "reading conversations");
        Set<String> asked = query.inboxIds();
        // Below admin the actor is a staff user, whose memberships it carries: no store read on every list.
        Set<String> visible = actor.role().includes(Role.ADMIN) ? asked
                : Objects.requireNonNull(actor.user(), "an actor below admin is a staff user").inboxIds().stream()
                        .filter(id -> asked == null || asked.contains(id)).collect(Collectors.toSet());
        return manager.listConversations(tenantId, query.withInboxes(visible));
    }

    /** One conversation with all its messages. */
    public ConversationDetail getConversation(String conversationId) {
        visible(conversationId);
        return manager.getConversation(tenantId, conversationId);
    }

    /** One conversation with a window of its messages: see {@link MessageManager#getConversation(String, String, int, String)}. */
    public ConversationDetail getConversation(String conversationId, int messages, @Nullable String before) {
        visible(conversationId);
        return manager.getConversation(tenantId, conversationId, messages, before);
    }

    /** Unread inbound messages per channel, across the actor's inboxes. */
    public Map<ChannelId, Long> unreadCounts() {
        actor.require(Role.VIEWER, "reading conversations");
        if (actor.role().includes(Role.ADMIN)) {
            return manager.unreadCounts(tenantId);
        }
        Map<ChannelId, Long> counts = new HashMap<>();
        ConversationQuery query = ConversationQuery.all().withUnreadOnly(true).withPage(1, ConversationQuery.MAX_PAGE_SIZE);
        ConversationPage page = listConversations(query);
        while (true) {
            page.conversations().forEach(c -> counts.merge(c.channel(), c.unreadCount(), Long::sum));
            if (page.nextCursor() == null) {
                return counts;
            }
            page = listConversations(query.withCursor(page.nextCursor()));
        }
    }

    /**
     * A customer's message typed in by staff (the console's "simulate inbound"): into a conversation the actor works,
     * or a new one in an inbox the actor works (the one asked for, else the default inbox, else the actor's first).
     */
    public ReceiveResult receive(InboundMessage inbound) {
        actor.require(Role.AGENT, "adding messages");
        if (!inbound.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("an actor adds messages to their own tenant only");
        }
        if (inbound.conversationId() != null) {
            visible(inbound.conversationId());
            return manager.receive(inbound);
        }
        if (inbound.inboxId() != null && !actor.works(inbound.inboxId())) {
            throw NonRetriableMessagingException.validation("inbox_id", "no inbox " + inbound.inboxId());
        }
        if (inbound.inboxId() == null && !actor.works(Inbox.DEFAULT_ID)) {
            String first = inboxes().stream().map(Inbox::id).findFirst()
                    .orElseThrow(() -> NonRetriableMessagingException.forbidden("adding messages needs an inbox to work"));
            return manager.receive(inbound.withInboxId(first));
        }
        return manager.receive(inbound);
    }

    /** Staff users' names by id, for showing who a conversation is assigned to and who sent a message. */
    public Map<String, String> staffNames() {
        Map<String, String> names = new HashMap<>();
        engine.staff().users(tenantId).forEach(user -> names.put(user.id(), user.name()));
        return names;
    }

    /** A staff reply, recorded as sent by the actor's user. */
    public Message reply(String conversationId, String content) {
        return reply(conversationId, content, null);
    }

    /**
     * A staff reply recorded as sent by the actor's user, sent now or, with {@code sendAt}, waiting in the outbox as
     * {@link DeliveryStatus#SCHEDULED} until then (survives restarts with a durable store; {@link #withdraw} cancels it).
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code send_at} for a time in the past
     */
    public Message reply(String conversationId, String content, @Nullable Instant sendAt) {
        changing(conversationId, "replying");
        Map<String, String> sentBy = actor.user() == null ? Map.of()
                : Map.of(Message.META_SENT_BY_ID, actor.user().id(), Message.META_SENT_BY_NAME, actor.user().name());
        return engine.outbound().reply(tenantId, conversationId, content, actor.label(), sentBy, sendAt);
    }

    public long markRead(String conversationId) {
        changing(conversationId, "marking read");
        return manager.markRead(tenantId, conversationId);
    }

    public Conversation changeStatus(String conversationId, ConversationStatus status) {
        changing(conversationId, "changing status");
        return manager.changeStatus(tenantId, conversationId, status);
    }

    public Satisfaction score(String conversationId) {
        changing(conversationId, "scoring");
        return manager.score(tenantId, conversationId);
    }

    public List<String> suggestReplies(String conversationId) {
        changing(conversationId, "suggesting replies");
        return manager.suggestReplies(tenantId, conversationId);
    }

    public Message generateReply(String conversationId) {
        changing(conversationId, "generating a reply");
        return manager.generateReply(tenantId, conversationId);
    }

    public Message generateFollowUp(String conversationId) {
        changing(conversationId, "generating a follow-up");
        return manager.generateFollowUp(tenantId, conversationId);
    }

    public Message approveDraft(String messageId, @Nullable String editedContent) {
        changing(message(messageId).conversationId(), "approving a draft");
        return manager.approveDraft(tenantId, messageId, editedContent, actor.label());
    }

    public void discardDraft(String messageId) {
        changing(message(messageId).conversationId(), "discarding a draft");
        manager.discardDraft(tenantId, messageId, actor.label());
    }

    /**
     * Takes back our message that has not gone out: discards a draft, or cancels a scheduled message no delivery
     * worker holds yet.
     *
     * @throws NonRetriableMessagingException {@code conflict} for a message that is neither, or is being sent already
     */
    public void withdraw(String messageId) {
        Message message = message(messageId);
        if (message.status() == DeliveryStatus.DRAFT) {
            discardDraft(messageId);
            return;
        }
        changing(message.conversationId(), "canceling a scheduled message");
        if (message.status() != DeliveryStatus.SCHEDULED || !manager.cancelScheduled(tenantId, messageId)) {
            throw NonRetriableMessagingException.conflict("message " + messageId + " is neither a draft nor waiting to be sent");
        }
    }

    /** One message of a conversation the actor works. */
    public Message message(String messageId) {
        Message message = manager.getMessage(tenantId, messageId);
        visible(message.conversationId());
        return message;
    }

    /**
     * Gives the conversation to staff user {@code assigneeId}, or to nobody when null. Agents take conversations
     * for themselves and give back their own; admins assign anyone who works the conversation's inbox.
     *
     * @throws NonRetriableMessagingException {@code forbidden} for an agent assigning someone else,
     *         {@code validation_failed} on {@code assignee_id} for a user who is unknown, inactive or not a member of
     *         the inbox
     */
    public Conversation assign(String conversationId, @Nullable String assigneeId) {
        Conversation conversation = changing(conversationId, "assigning");
        boolean admin = actor.role().includes(Role.ADMIN);
        String mine = actor.userId();
        if (!admin && !(assigneeId == null ? conversation.assigneeId() == null || conversation.assigneeId().equals(mine)
                : assigneeId.equals(mine))) {
            throw NonRetriableMessagingException.forbidden("agents assign conversations only to themselves");
        }
        StaffUser assignee = assigneeId == null ? null : engine.staff().findUser(tenantId, assigneeId)
                .filter(StaffUser::active)
                .orElseThrow(() -> NonRetriableMessagingException.validation("assignee_id", "no active staff user " + assigneeId));
        if (assignee != null && !assignee.works(conversation.inboxId())) {
            throw NonRetriableMessagingException.validation("assignee_id",
                    assignee.id() + " is not a member of inbox " + conversation.inboxId());
        }
        return engine.assignments().assign(conversation, assignee, actor.label());
    }

    /**
     * Moves the conversation to inbox {@code inboxId}, which the actor must work too; an assignee who does not work
     * it gives the conversation up.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code inbox_id} for an inbox the actor
     *         does not work or that does not exist
     */
    public Conversation moveToInbox(String conversationId, String inboxId) {
        Conversation conversation = changing(conversationId, "moving");
        Inbox inbox = engine.staff().findInbox(tenantId, inboxId).filter(i -> actor.works(i.id()))
                .orElseThrow(() -> NonRetriableMessagingException.validation("inbox_id", "no inbox " + inboxId));
        boolean assigneeStays = conversation.assigneeId() != null && engine.staff().findUser(tenantId, conversation.assigneeId())
                .filter(user -> user.works(inbox.id())).isPresent();
        return engine.assignments().move(conversation, inbox, assigneeStays, actor.label());
    }

    /** The conversation, when the actor works its inbox; else {@code not_found}, as another tenant's. */
    private Conversation visible(String conversationId) {
        actor.require(Role.VIEWER, "reading conversations");
        Conversation conversation = manager.findConversation(tenantId, conversationId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", conversationId));
        if (!actor.works(conversation.inboxId())) {
            throw NonRetriableMessagingException.notFound("conversation", conversationId);
        }
        return conversation;
    }

    private Conversation changing(String conversationId, String what) {
        Conversation conversation = visible(conversationId);
        actor.require(Role.AGENT, what);
        return conversation;
    }
}
