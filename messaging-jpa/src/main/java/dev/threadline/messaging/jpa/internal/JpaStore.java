package dev.threadline.messaging.jpa.internal;

import static dev.threadline.messaging.jpa.internal.Records.micros;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationCounters;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.AppendResult;
import dev.threadline.messaging.spi.ConsentChange;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.OutboxStore.Completion;
import dev.threadline.messaging.spi.OutgoingMessage;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * The store's operations, each one transaction. Races between instances are settled by the database:
 * unique keys (thread key, provider id, contact address, processed key) make the loser retry and find
 * the winner's row; conversation counters move in one {@code UPDATE}; delivery status moves by a
 * conditional {@code UPDATE}; outbox rows are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
public final class JpaStore implements ConversationStore, OutboxStore {

    /** Enough for every thread of a busy host to lose a race once or twice. */
    private static final int RACE_ATTEMPTS = 10;

    /** The thread's active conversation. The status is a literal so PostgreSQL can use the partial unique index. */
    private static final String ACTIVE_CONVERSATION = "select " + EntityRows.columns(EntityRows.CONVERSATION_COLUMNS)
            + " from conversations where tenant_id = ? and thread_key = ? and status = 'active'";
    private static final String MESSAGE_BY_PROVIDER_ID = "select " + EntityRows.columns(EntityRows.MESSAGE_COLUMNS)
            + " from messages where tenant_id = ? and channel = ? and provider_message_id = ?";

    private final SessionFactory sessions;
    private final DatabaseVendor vendor;
    private final IdGenerator ids;
    private final Clock clock;
    private final ConversationTotals totals;
    /** The counters' update of {@link #append}, returning the updated row in the vendor's way. */
    private final String moveCounters;

    public JpaStore(SessionFactory sessions, DatabaseVendor vendor, IdGenerator ids, Clock clock) {
        this.sessions = sessions;
        this.vendor = vendor;
        this.ids = ids;
        this.clock = clock;
        this.totals = new ConversationTotals(vendor);
        // The numbers come from ConversationCounters, the rule the in-memory store applies too; null keeps a field.
        String update = "update conversations set message_count = message_count + ?, unread_count = unread_count + ?,"
                + " last_activity_at = case when last_activity_at < coalesce(?, last_activity_at) then ? else last_activity_at end,"
                + " last_message_preview = coalesce(?, last_message_preview), subject = coalesce(subject, ?), version = version + 1"
                + " where tenant_id = ? and id = ?";
        String columns = EntityRows.columns(EntityRows.CONVERSATION_COLUMNS);
        this.moveCounters = vendor == DatabaseVendor.POSTGRESQL ? update + " returning " + columns
                : "select " + columns + " from final table (" + update + ")";
    }

    private static TenantKey key(String tenantId, String id) {
        return new TenantKey(tenantId, id);
    }

    // ------------------------------------------------------------------ contacts

    @Override
    public Contact upsertContact(String tenantId, @Nullable String phone, @Nullable String email, @Nullable String name) {
        return Retries.retrying(RACE_ATTEMPTS, Failures::isUniqueViolation, () -> sessions.fromTransaction(s -> {
            ContactEntity e = phone != null ? contactBy(s, tenantId, "phone", phone) : null;
            if (e == null && email != null) {
                e = contactBy(s, tenantId, "email", email);
            }
            if (e == null) {
                e = Records.newContact(tenantId, ids.newId(), name, phone, email, clock.instant());
                s.persist(e);
            } else {
                e.name = e.name != null ? e.name : name;
                if (e.phone == null && phone != null && contactBy(s, tenantId, "phone", phone) == null) {
                    e.phone = phone;
                }
                if (e.email == null && email != null && contactBy(s, tenantId, "email", email) == null) {
                    e.email = email;
                }
            }
            s.flush();
            return Records.contact(e);
        }));
    }

    private static @Nullable ContactEntity contactBy(Session s, String tenantId, String field, String value) {
        return s.createSelectionQuery("from ContactEntity c where c.tenantId = :tenant and c." + field + " = :value",
                        ContactEntity.class)
                .setParameter("tenant", tenantId).setParameter("value", value).getSingleResultOrNull();
    }

    @Override
    public Optional<Contact> findContact(String tenantId, String contactId) {
        return sessions.fromSession(s -> Optional.ofNullable(s.find(ContactEntity.class, key(tenantId, contactId))).map(Records::contact));
    }

    @Override
    public Contact setOptedOut(String tenantId, String contactId, ChannelId channel, boolean optedOut) {
        return sessions.fromTransaction(s -> changeOptOut(s, tenantId, contactId, channel, optedOut));
    }

    private static Contact changeOptOut(Session s, String tenantId, String contactId, ChannelId channel, boolean optedOut) {
        ContactEntity e = s.find(ContactEntity.class, key(tenantId, contactId), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw NonRetriableMessagingException.notFound("contact", contactId);
        }
        Set<ChannelId> channels = new HashSet<>(Records.channels(e.optedOutChannels));
        if (optedOut) {
            channels.add(channel);
        } else {
            channels.remove(channel);
        }
        e.optedOutChannels = Records.channels(channels);
        return Records.contact(e);
    }

    // ------------------------------------------------------------------ conversations

    @Override
    public Optional<Conversation> findConversation(String tenantId, String conversationId) {
        return sessions.fromSession(s -> Optional.ofNullable(s.find(ConversationEntity.class, key(tenantId, conversationId)))
                .map(Records::conversation));
    }

    @Override
    public Optional<Conversation> findActiveConversation(String tenantId, String threadKey) {
        // Plain JDBC, as every receive asks.
        return sessions.fromSession(s -> Optional.ofNullable(s.doReturningWork(c -> EntityRows.firstRow(c, ACTIVE_CONVERSATION,
                rs -> EntityRows.conversation(rs, 1), tenantId, threadKey))).map(Records::conversation));
    }

    @Override
    public Optional<Conversation> findConversationByThreadRef(String tenantId, Collection<String> threadRefs) {
        if (threadRefs.isEmpty()) {
            return Optional.empty();
        }
        return sessions.fromSession(s -> {
            Map<String, String> conversationByRef = new LinkedHashMap<>();
            s.createSelectionQuery("select m.threadRef, m.conversationId from MessageEntity m"
                            + " where m.tenantId = :tenant and m.threadRef in :refs", Object[].class)
                    .setParameter("tenant", tenantId).setParameterList("refs", threadRefs)
                    .getResultList().forEach(row -> conversationByRef.put((String) row[0], (String) row[1]));
            return threadRefs.stream().map(conversationByRef::get).filter(Objects::nonNull).findFirst()
                    .map(id -> Records.conversation(s.find(ConversationEntity.class, key(tenantId, id))));
        });
    }

    @Override
    public Conversation openConversation(Conversation candidate) {
        return Retries.retrying(RACE_ATTEMPTS, Failures::isUniqueViolation, () -> {
            if (candidate.status() == ConversationStatus.ACTIVE) {
                Optional<Conversation> existing = findActiveConversation(candidate.tenantId(), candidate.threadKey());
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            return sessions.fromTransaction(s -> {
                ConversationEntity e = Records.newConversation(candidate);
                s.persist(e);
                s.flush();
                totals.move(s, e, null);
                return Records.conversation(e);
            });
        });
    }

    @Override
    public Conversation updateConversation(String tenantId, String conversationId, UnaryOperator<Conversation> change) {
        try {
            return Retries.retrying(RACE_ATTEMPTS, Failures::isOptimisticLockFailure, () -> sessions.fromTransaction(s -> {
                ConversationEntity e = s.find(ConversationEntity.class, key(tenantId, conversationId));
                if (e == null) {
                    throw NonRetriableMessagingException.notFound("conversation", conversationId);
                }
                ConversationTotals.Counted before = ConversationTotals.Counted.of(e);
                Records.applyChange(e, change.apply(Records.conversation(e)));
                s.flush();
                totals.move(s, e, before);
                return Records.conversation(e);
            }));
        } catch (RuntimeException e) {
            if (Failures.isUniqueViolation(e)) {
                throw NonRetriableMessagingException.conflict("another conversation with this customer is active");
            }
            throw e;
        }
    }

    /** Rebuilds the tenant's conversation totals from its conversations, in one transaction. */
    public void recountTotals(String tenantId) {
        sessions.inTransaction(s -> totals.recount(s, tenantId));
    }

    // ------------------------------------------------------------------ messages

    @Override
    public AppendResult append(Message message, @Nullable Instant dueAt, @Nullable ConsentChange consent) {
        // A repeated provider id is caught by its unique key; only a transaction that lost on a key looks the
        // earlier message up, so the common append costs no extra query.
        AtomicBoolean lostOnKey = new AtomicBoolean();
        Predicate<Throwable> uniqueViolation = e -> {
            boolean lost = Failures.isUniqueViolation(e);
            lostOnKey.compareAndSet(false, lost);
            return lost;
        };
        return Retries.retrying(RACE_ATTEMPTS, uniqueViolation, () -> sessions.fromTransaction(s -> {
            if (message.providerMessageId() != null && lostOnKey.get()) {
                MessageEntity earlier = messageByProviderId(s, message.tenantId(), message.channel(), message.providerMessageId());
                if (earlier != null) {
                    ConversationEntity conversation = s.find(ConversationEntity.class, key(earlier.tenantId, earlier.conversationId));
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
                changeOptOut(s, message.tenantId(), conversation.contactId, consent.channel(), consent.optedOut());
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
                update.setString(7, tenantId);
                update.setString(8, conversationId);
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

    @Override
    public Optional<Message> findMessage(String tenantId, String messageId) {
        return sessions.fromSession(s -> Optional.ofNullable(s.find(MessageEntity.class, key(tenantId, messageId))).map(Records::message));
    }

    @Override
    public Optional<Message> findMessageByProviderId(String tenantId, ChannelId channel, String providerMessageId) {
        return sessions.fromSession(s -> Optional.ofNullable(messageByProviderId(s, tenantId, channel, providerMessageId))
                .map(Records::message));
    }

    @Override
    public List<Message> messages(String tenantId, String conversationId) {
        return sessions.fromSession(s -> messagesOf(s, tenantId, conversationId, false).getResultList().stream()
                .map(Records::message).toList());
    }

    @Override
    public List<Message> recentMessages(String tenantId, String conversationId, int limit) {
        List<Message> newestFirst = sessions.fromSession(s -> messagesOf(s, tenantId, conversationId, true)
                .setMaxResults(limit).getResultList().stream().map(Records::message).toList());
        List<Message> inOrder = new ArrayList<>(newestFirst);
        Collections.reverse(inOrder);
        return inOrder;
    }

    /** A conversation's messages in id order, which is time order. */
    private static SelectionQuery<MessageEntity> messagesOf(Session s, String tenantId, String conversationId, boolean newestFirst) {
        return s.createSelectionQuery("from MessageEntity m where m.tenantId = :tenant"
                        + " and m.conversationId = :conversation order by m.id" + (newestFirst ? " desc" : ""), MessageEntity.class)
                .setParameter("tenant", tenantId).setParameter("conversation", conversationId);
    }

    @Override
    public Optional<Message> updateDelivery(String tenantId, String messageId, DeliveryUpdate update) {
        try {
            return sessions.fromTransaction(s -> moveDelivery(s, tenantId, messageId, update));
        } catch (RuntimeException e) {
            throw Failures.isUniqueViolation(e) ? providerIdConflict("provider message id " + update.providerMessageId(), e) : e;
        }
    }

    /** {@code messages_provider_id_uk} refused a provider id: another message of the tenant and channel has it. */
    private static NonRetriableMessagingException providerIdConflict(String what, RuntimeException cause) {
        return new NonRetriableMessagingException(ErrorCode.CONFLICT, what + " is already another message's", null, null, cause);
    }

    /** Applies the update where the stored status may move to it (see {@link DeliveryStatements#move}). */
    private static Optional<Message> moveDelivery(Session s, String tenantId, String messageId, DeliveryUpdate update) {
        boolean moved = s.doReturningWork(c -> DeliveryStatements.move(c, List.of(new DeliveryStatements.Move(tenantId, messageId, update))))[0];
        return moved ? Optional.of(Records.message(s.find(MessageEntity.class, key(tenantId, messageId)))) : Optional.empty();
    }

    @Override
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
            Message queued = Records.message(s.find(MessageEntity.class, key(tenantId, messageId)));
            moveCounters(s, tenantId, queued.conversationId(), ConversationCounters.approving(queued, dueAt));
            return Optional.of(queued);
        });
    }

    @Override
    public long markRead(String tenantId, String conversationId) {
        return sessions.fromTransaction(s -> {
            ConversationEntity e = s.find(ConversationEntity.class, key(tenantId, conversationId), LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                throw NonRetriableMessagingException.notFound("conversation", conversationId);
            }
            ConversationTotals.Counted before = ConversationTotals.Counted.of(e);
            long unread = e.unreadCount;
            e.unreadCount = 0;
            totals.move(s, e, before);
            return unread;
        });
    }

    // ------------------------------------------------------------------ events

    @Override
    public void appendEvent(ConversationEvent event) {
        sessions.inTransaction(s -> s.persist(Records.newEvent(event)));
    }

    @Override
    public List<ConversationEvent> events(String tenantId, String conversationId) {
        return sessions.fromSession(s -> s.createSelectionQuery("from EventEntity e where e.tenantId = :tenant"
                        + " and e.conversationId = :conversation order by e.occurredAt, e.id", EventEntity.class)
                .setParameter("tenant", tenantId).setParameter("conversation", conversationId)
                .getResultList().stream().map(Records::event).toList());
    }

    // ------------------------------------------------------------------ queries

    @Override
    public ConversationPage listConversations(String tenantId, ConversationQuery query) {
        ConversationListQuery list = new ConversationListQuery(tenantId, query, totals);
        return sessions.fromSession(list::run);
    }

    @Override
    public Map<ChannelId, Long> unreadByChannel(String tenantId) {
        Map<ChannelId, Long> counts = new LinkedHashMap<>();
        sessions.fromSession(s -> s.createSelectionQuery("select c.channel, sum(c.unreadCount) from ConversationEntity c"
                        + " where c.tenantId = :tenant and c.unreadCount > 0 group by c.channel order by c.channel", Object[].class)
                .setParameter("tenant", tenantId).getResultList())
                .forEach(row -> counts.put(new ChannelId((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    public boolean markProcessed(String tenantId, String key) {
        Instant at = micros(clock.instant());
        if (vendor == DatabaseVendor.POSTGRESQL) {
            // Repeats are the normal case for webhooks: answer them without an error in the server log.
            return sessions.fromTransaction(s -> s.createNativeMutationQuery("insert into processed_keys"
                            + " (tenant_id, processed_key, processed_at) values (:tenant, :key, :at) on conflict do nothing")
                    .setParameter("tenant", tenantId).setParameter("key", key).setParameter("at", at)
                    .executeUpdate() == 1);
        }
        try {
            sessions.inTransaction(s -> {
                s.persist(new ProcessedKeyEntity(tenantId, key, at));
                s.flush();
            });
            return true;
        } catch (RuntimeException e) {
            if (Failures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------ outbox

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil, Duration inDoubtGrace) {
        return sessions.fromTransaction(s -> s.doReturningWork(c -> DeliveryStatements.claim(c, vendor, now, limit, workerId, leaseUntil,
                now.minus(inDoubtGrace))));
    }

    @Override
    public Map<String, OutgoingMessage> outgoing(String tenantId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return sessions.fromSession(s -> s.doReturningWork(c -> DeliveryStatements.outgoing(c, tenantId, List.copyOf(messageIds))));
    }

    @Override
    public Optional<Message> complete(OutboxEntry entry, DeliveryUpdate update) {
        return completeAll(List.of(new Completion(entry, update))).get(0);
    }

    /**
     * One transaction. On PostgreSQL one statement does it all; elsewhere a batch of deletes, a batch of status
     * moves and one read of the results. A provider id clash rolls all of it back.
     */
    @Override
    public List<Optional<Message>> completeAll(List<Completion> completions) {
        if (completions.isEmpty()) {
            return List.of();
        }
        Map<TenantKey, Message> completed;
        try {
            completed = sessions.fromTransaction(s -> vendor == DatabaseVendor.POSTGRESQL
                    ? byKey(s.doReturningWork(c -> DeliveryStatements.completeInOneStatement(c, completions)))
                    : completeInBatches(s, completions));
        } catch (RuntimeException e) {
            throw Failures.isUniqueViolation(e) ? providerIdConflict(completions.size() == 1
                    ? "provider message id " + completions.get(0).update().providerMessageId() : "a provider message id of the batch", e) : e;
        }
        return completions.stream()
                .map(c -> Optional.ofNullable(completed.get(key(c.entry().tenantId(), c.entry().messageId())))).toList();
    }

    /** The messages of the entries this call removed, as they are after it. */
    private static Map<TenantKey, Message> completeInBatches(Session s, List<Completion> completions) {
        boolean[] removed = s.doReturningWork(c -> DeliveryStatements.removeClaimed(c, completions));
        List<Completion> ours = new ArrayList<>();
        for (int i = 0; i < completions.size(); i++) {
            if (removed[i]) {
                ours.add(completions.get(i));
            }
        }
        s.doWork(c -> DeliveryStatements.move(c, ours.stream()
                .map(o -> new DeliveryStatements.Move(o.entry().tenantId(), o.entry().messageId(), o.update())).toList()));
        return messagesByKey(s, ours.stream().map(Completion::entry).toList());
    }

    private static Map<TenantKey, Message> byKey(List<MessageEntity> entities) {
        Map<TenantKey, Message> messages = new HashMap<>();
        entities.forEach(m -> messages.put(key(m.tenantId, m.id), Records.message(m)));
        return messages;
    }

    /** The entries' messages as they are now, in one query per tenant. */
    private static Map<TenantKey, Message> messagesByKey(Session s, List<OutboxEntry> entries) {
        Map<String, List<String>> idsByTenant = new LinkedHashMap<>();
        entries.forEach(e -> idsByTenant.computeIfAbsent(e.tenantId(), t -> new ArrayList<>()).add(e.messageId()));
        List<MessageEntity> found = new ArrayList<>();
        // Native SQL: Hibernate translates an HQL query with a list parameter afresh on every call.
        idsByTenant.forEach((tenant, ids) -> found.addAll(s.createNativeQuery("select * from messages where tenant_id = :tenant"
                        + " and id in (:ids)", MessageEntity.class)
                .setParameter("tenant", tenant).setParameterList("ids", ids).getResultList()));
        return byKey(found);
    }

    @Override
    public void retryLater(OutboxEntry entry, Instant nextAttemptAt, String lastError) {
        sessions.inTransaction(s -> s.createMutationQuery("update OutboxEntity o set o.workerId = null, o.leaseUntil = null,"
                        + " o.dueAt = :due, o.attempts = :attempts, o.lastError = :error"
                        + " where o.tenantId = :tenant and o.id = :id and o.workerId = :worker")
                .setParameter("due", micros(nextAttemptAt))
                .setParameter("attempts", entry.attempts() + 1)
                .setParameter("error", lastError)
                .setParameter("tenant", entry.tenantId())
                .setParameter("id", entry.messageId())
                .setParameter("worker", entry.workerId())
                .executeUpdate());
    }

    @Override
    public void releaseAll(String workerId) {
        sessions.inTransaction(s -> s.createMutationQuery("update OutboxEntity o set o.workerId = null, o.leaseUntil = null"
                        + " where o.workerId = :worker")
                .setParameter("worker", workerId).executeUpdate());
    }

    @Override
    public Optional<Message> cancel(String tenantId, String messageId, Instant at) {
        return sessions.fromTransaction(s -> {
            OutboxEntity row = s.find(OutboxEntity.class, key(tenantId, messageId), LockModeType.PESSIMISTIC_WRITE);
            // A lease, run out or not, means an attempt may have reached the provider.
            if (row == null || row.leaseUntil != null) {
                return Optional.empty();
            }
            Optional<Message> canceled = moveDelivery(s, tenantId, messageId, DeliveryUpdate.of(DeliveryStatus.CANCELED, at));
            if (canceled.isPresent()) {
                s.remove(row);
            }
            return canceled;
        });
    }

    @Override
    public boolean reschedule(String tenantId, String messageId, Instant dueAt) {
        return sessions.fromTransaction(s -> s.createMutationQuery("update OutboxEntity o set o.dueAt = :due"
                        + " where o.tenantId = :tenant and o.id = :id and o.workerId is null")
                .setParameter("due", micros(dueAt)).setParameter("tenant", tenantId).setParameter("id", messageId)
                .executeUpdate() == 1);
    }

    @Override
    public long pendingCount() {
        return sessions.fromSession(s -> s.createSelectionQuery("select count(o) from OutboxEntity o", Long.class).getSingleResult());
    }
}
