package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.NonRetriableMessagingException;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hibernate.SessionFactory;

/**
 * Opens, changes, finds and lists conversations, each call one transaction. A conversation's counters move
 * with its messages in {@link Messages}; the totals the list reports move here and there through {@link ConversationTotals}.
 */
public final class Conversations {

    /** The thread's active conversation. The status is a literal so PostgreSQL can use the partial unique index. */
    private static final String ACTIVE_CONVERSATION = "select " + EntityRows.columns(EntityRows.CONVERSATION_COLUMNS)
            + " from conversations where tenant_id = ? and thread_key = ? and status in ('active', 'spam')";

    private final SessionFactory sessions;
    private final ConversationTotals totals;

    public Conversations(SessionFactory sessions, ConversationTotals totals) {
        this.sessions = sessions;
        this.totals = totals;
    }

    public Optional<Conversation> findConversation(String tenantId, String conversationId) {
        return sessions.fromSession(s -> Optional.ofNullable(s.find(ConversationEntity.class, new TenantKey(tenantId, conversationId)))
                .map(Records::conversation));
    }

    public Optional<Conversation> findActiveConversation(String tenantId, String threadKey) {
        // Plain JDBC, as every receive asks.
        return sessions.fromSession(s -> Optional.ofNullable(s.doReturningWork(c -> EntityRows.firstRow(c, ACTIVE_CONVERSATION,
                rs -> EntityRows.conversation(rs, 1), tenantId, threadKey))).map(Records::conversation));
    }

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
                    .map(id -> Records.conversation(s.find(ConversationEntity.class, new TenantKey(tenantId, id))));
        });
    }

    public Conversation openConversation(Conversation candidate) {
        return Retries.retrying(Retries.RACE_ATTEMPTS, Failures::isUniqueViolation, () -> {
            if (candidate.status().receivesThread()) {
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

    public Conversation updateConversation(String tenantId, String conversationId, UnaryOperator<Conversation> change) {
        try {
            return Retries.retrying(Retries.RACE_ATTEMPTS, Failures::isOptimisticLockFailure, () -> sessions.fromTransaction(s -> {
                ConversationEntity e = s.find(ConversationEntity.class, new TenantKey(tenantId, conversationId));
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

    public long markRead(String tenantId, String conversationId) {
        return sessions.fromTransaction(s -> {
            ConversationEntity e = s.find(ConversationEntity.class, new TenantKey(tenantId, conversationId), LockModeType.PESSIMISTIC_WRITE);
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

    public ConversationPage listConversations(String tenantId, ConversationQuery query) {
        ConversationListQuery list = new ConversationListQuery(tenantId, query, totals);
        return sessions.fromSession(list::run);
    }

    public Map<ChannelId, Long> unreadByChannel(String tenantId) {
        Map<ChannelId, Long> counts = new LinkedHashMap<>();
        sessions.fromSession(s -> s.createSelectionQuery("select c.channel, sum(c.unreadCount) from ConversationEntity c"
                        + " where c.tenantId = :tenant and c.unreadCount > 0 and c.status <> 'spam' group by c.channel order by c.channel",
                        Object[].class)
                .setParameter("tenant", tenantId).getResultList())
                .forEach(row -> counts.put(new ChannelId((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }
}
