package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.ConversationEvent;
import java.time.Instant;
import java.util.List;
import org.hibernate.SessionFactory;

/** The conversations' event log. */
public final class Events {

    private final SessionFactory sessions;

    public Events(SessionFactory sessions) {
        this.sessions = sessions;
    }

    public void appendEvent(ConversationEvent event) {
        sessions.inTransaction(s -> s.persist(Records.newEvent(event)));
    }

    public List<ConversationEvent> events(String tenantId, String conversationId) {
        return sessions.fromSession(s -> s.createSelectionQuery("from EventEntity e where e.tenantId = :tenant"
                        + " and e.conversationId = :conversation order by e.occurredAt, e.id", EventEntity.class)
                .setParameter("tenant", tenantId).setParameter("conversation", conversationId)
                .getResultList().stream().map(Records::event).toList());
    }

    public List<ConversationEvent> events(String tenantId, String conversationId, String type, Instant since) {
        return sessions.fromSession(s -> s.createSelectionQuery("from EventEntity e where e.tenantId = :tenant"
                        + " and e.conversationId = :conversation and e.type = :type and e.occurredAt >= :since"
                        + " order by e.occurredAt, e.id", EventEntity.class)
                .setParameter("tenant", tenantId).setParameter("conversation", conversationId).setParameter("type", type)
                .setParameter("since", Records.micros(since))
                .getResultList().stream().map(Records::event).toList());
    }
}
