package dev.threadline.messaging.jpa.internal;

import static dev.threadline.messaging.jpa.internal.Records.micros;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationCounters;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.AppendResult;
import dev.threadline.messaging.spi.ConsentChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * Appends messages (the receive path, with its consent change in the same transaction), approves drafts
 * and reads messages back. Appending and approving move the conversation's counters in one UPDATE.
 */
public final class Messages {

    private static final String MESSAGE_BY_PROVIDER_ID = "select " + EntityRows.columns(EntityRows.MESSAGE_COLUMNS)
            + " from messages where tenant_id = ? and channel = ? and provider_message_id = ?";

    private final SessionFactory sessions;
    private final ConversationTotals totals;
    /** The counters' update of {@link #append}, returning the updated row in the vendor's way. */
    private final String moveCounters;
    /** A conversation's newest messages, newest first, without the row limit: its parameters are the tenant and the conversation. */
    private final String newestMessages;
    /** The same before a message: tenant, conversation, the message's id. */
    private final String newestMessagesBefore;

    public Messages(SessionFactory sessions, DatabaseVendor vendor, ConversationTotals totals) {
        this.sessions = sessions;
        this.totals = totals;
        // The numbers come from ConversationCounters, the rule the in-memory store applies too; null keeps a field.
        String update = "update conversations set message_count = message_count + ?, unread_count = unread_count + ?,"
                + " last_activity_at = case when last_activity_at < coalesce(?, last_activity_at) then ? else last_activity_at end,"
                + " last_message_preview = coalesce(?, last_message_preview), subject = coalesce(subject, ?),"
                + " awaiting_reply_since = case when ? then null else coalesce(awaiting_reply_since, ?) end, version = version + 1"
                + " where tenant_id = ? and id = ?";
        String columns = EntityRows.columns(EntityRows.CONVERSATION_COLUMNS);
        this.moveCounters = vendor == DatabaseVendor.POSTGRESQL ? update + " returning " + columns
                : "select " + columns + " from final table (" + update + ")";
        // H2 is told the index whose order this is (V8__newest_messages); PostgreSQL finds it by itself.
        String newest = "select " + EntityRows.columns(EntityRows.MESSAGE_COLUMNS) + " from messages"
                + (vendor == DatabaseVendor.H2 ? " use index (messages_newest_idx)" : "") + " where tenant_id = ? and conversation_id = ?";
        String order = " order by tenant_id, conversation_id, id desc";
        this.newestMessages = newest + order;
        this.newestMessagesBefore = newest + " and id < ?" + order;
    }

    public AppendResult append(Message message, @Nullable Instant dueAt, @Nullable ConsentChange consent) {
        // A repeated id or provider id is caught by its unique key; only a transaction that lost on a key looks the
        // earlier message up, so the common append costs no extra query.
        AtomicBoolean lostOnKey = new AtomicBoolean();
        Predicate<Throwable> uniqueViolation = e -> {
            boolean lost = Failures.isUniqueViolation(e);
            lostOnKey.compareAndSet(false, lost);
            return lost;
        };
        return Retries.retrying(Retries.RACE_ATTEMPTS, uniqueViolation, () -> sessions.fromTransaction(s -> {
            if (lostOnKey.get()) {
                MessageEntity earlier = s.find(MessageEntity.class, new TenantKey(message.tenantId(), message.id()));
                if (earlier == null && message.providerMessageId() != null) {
                    earlier = messageByProviderId(s, message.tenantId(), message.channel(), message.providerMessageId());
                }
                if (earlier != null) {
                    ConversationEntity conversation = s.find(ConversationEntity.class, new TenantKey(earlier.tenantId, earlier.conversationId));
                    return new AppendResult(Records.conversation(conversation), Records.message(earlier), true);
                }
            }
            ConversationEntity conversation = moveCounters(s, message.tenantId(), message.conversationId(),
                    ConversationCounters.appending(message));
            s.doWork(c -> {
                try (PreparedStatement insert = c.prepareStatement(EntityRows.INSERT_MESSAGE)) {
                    EntityRows.bindMessage(insert, Records.newMessage(message));
                    insert.executeUpdate();
                }
            });
            if (dueAt != null) {
                s.persist(new OutboxEntity(message.tenantId(), message.id(), micros(dueAt)));
                s.flush();
            }
            totals.appended(s, conversation, message.direction());
            if (consent != null) {
                Contacts.changeOptOut(s, message.tenantId(), conversation.contactId, consent.channel(), consent.optedOut());
                s.persist(Records.newEvent(consent.event()));
            }
            return new AppendResult(Records.conversation(conversation), message, false);
        }));
    }

    /**
     * One UPDATE, so concurrent appends never lose a count; it also locks the row until commit, and it
     * returns the updated row, so no read follows. Plain JDBC: Hibernate rebuilt the SQL of an HQL update on
     * every execution, and mapping a native query's row into a managed entity cost the receive path more CPU
     * than any other step.
     */
    private ConversationEntity moveCounters(Session s, String tenantId, String conversationId, ConversationCounters change) {
        @Nullable OffsetDateTime at = change.activityAt() == null ? null : micros(change.activityAt()).atOffset(ZoneOffset.UTC);
        ConversationEntity moved = s.doReturningWork(c -> {
            try (PreparedStatement update = c.prepareStatement(moveCounters)) {
                update.setLong(1, change.messages());
                update.setLong(2, change.unread());
                update.setObject(3, at, Types.TIMESTAMP_WITH_TIMEZONE);
                update.setObject(4, at, Types.TIMESTAMP_WITH_TIMEZONE);
                update.setString(5, change.preview());
                update.setString(6, change.subject());
                update.setBoolean(7, change.answered());
                update.setObject(8, change.awaitingFrom() == null ? null : micros(change.awaitingFrom()).atOffset(ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                update.setString(9, tenantId);
                update.setString(10, conversationId);
                try (ResultSet rs = update.executeQuery()) {
                    return rs.next() ? EntityRows.conversation(rs, 1) : null;
                }
            }
        });
        if (moved == null) {
            throw NonRetriableMessagingException.notFound("conversation", conversationId);
        }
        return moved;
    }

    /** Plain JDBC: every receive with a provider id asks first, to answer a repeated webhook with what it stored. */
    private static @Nullable MessageEntity messageByProviderId(Session s, String tenantId, ChannelId channel, String providerMessageId) {
        return s.doReturningWork(c -> EntityRows.firstRow(c, MESSAGE_BY_PROVIDER_ID,
                rs -> EntityRows.message(rs, 1), tenantId, channel.value(), providerMessageId));
    }

    public Optional<Message> findMessage(String tenantId, String messageId) {
        return sessions.fromSession(s -> Optional.ofNullable(s.find(MessageEntity.class, new TenantKey(tenantId, messageId))).map(Records::message));
    }

    public Optional<Message> findMessageByProviderId(String tenantId, ChannelId channel, String providerMessageId) {
        return sessions.fromSession(s -> Optional.ofNullable(messageByProviderId(s, tenantId, channel, providerMessageId))
                .map(Records::message));
    }

    public List<Message> messages(String tenantId, String conversationId) {
        return sessions.fromSession(s -> messagesOf(s, tenantId, conversationId, false).getResultList().stream()
                .map(Records::message).toList());
    }

    public List<Message> recentMessages(String tenantId, String conversationId, int limit) {
        return newest(newestMessages, limit, tenantId, conversationId);
    }

    public List<Message> messagesBefore(String tenantId, String conversationId, String beforeMessageId, int limit) {
        boolean ofTheConversation = findMessage(tenantId, beforeMessageId).filter(m -> m.conversationId().equals(conversationId)).isPresent();
        return ofTheConversation ? newest(newestMessagesBefore, limit, tenantId, conversationId, beforeMessageId) : List.of();
    }

    /** Runs a newest-first query of {@code limit} messages and returns them in arrival order. */
    private List<Message> newest(String sql, int limit, String... parameters) {
        List<Message> inOrder = sessions.fromSession(s -> s.doReturningWork(c -> {
            // The limit is written into the statement: PostgreSQL's generic plan for a limit it cannot see sorted a long
            // conversation's rows instead of reading the index backwards (0.65x at 10,000 messages of the cost at 1,000).
            try (PreparedStatement select = c.prepareStatement(sql + " fetch first " + limit + " rows only")) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                List<Message> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(Records.message(EntityRows.message(rs, 1)));
                    }
                }
                return rows;
            }
        }));
        Collections.reverse(inOrder);
        return inOrder;
    }

    /** A conversation's messages in id order, which is time order. */
    private static SelectionQuery<MessageEntity> messagesOf(Session s, String tenantId, String conversationId, boolean newestFirst) {
        return s.createSelectionQuery("from MessageEntity m where m.tenantId = :tenant"
                        + " and m.conversationId = :conversation order by m.id" + (newestFirst ? " desc" : ""), MessageEntity.class)
                .setParameter("tenant", tenantId).setParameter("conversation", conversationId);
    }

    public Optional<Message> approveDraft(String tenantId, String messageId, @Nullable String body, Instant dueAt) {
        return sessions.fromTransaction(s -> {
            int approved = s.createMutationQuery("update MessageEntity m set m.status = :queued, m.statusAt = :at,"
                            + " m.body = coalesce(:body, m.body) where m.tenantId = :tenant and m.id = :id and m.status = :draft")
                    .setParameter("queued", DeliveryStatus.QUEUED.wireName())
                    .setParameter("at", micros(dueAt))
                    .setParameter("body", body, String.class)
                    .setParameter("tenant", tenantId)
                    .setParameter("id", messageId)
                    .setParameter("draft", DeliveryStatus.DRAFT.wireName())
                    .executeUpdate();
            if (approved == 0) {
                return Optional.empty();
            }
            s.persist(new OutboxEntity(tenantId, messageId, micros(dueAt)));
            s.flush();
            Message queued = Records.message(s.find(MessageEntity.class, new TenantKey(tenantId, messageId)));
            moveCounters(s, tenantId, queued.conversationId(), ConversationCounters.approving(queued, dueAt));
            return Optional.of(queued);
        });
    }
}
