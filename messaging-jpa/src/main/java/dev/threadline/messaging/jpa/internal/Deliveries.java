package dev.threadline.messaging.jpa.internal;

import static dev.threadline.messaging.jpa.internal.Records.micros;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore.Completion;
import dev.threadline.messaging.spi.OutgoingMessage;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Moves messages through delivery: status updates, and the outbox's claim, completion, retry, release,
 * cancel and reschedule. Each call one transaction; the statements themselves are {@link DeliveryStatements}.
 */
public final class Deliveries {

    private final SessionFactory sessions;
    private final DatabaseVendor vendor;

    public Deliveries(SessionFactory sessions, DatabaseVendor vendor) {
        this.sessions = sessions;
        this.vendor = vendor;
    }

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
        return moved ? Optional.of(Records.message(s.find(MessageEntity.class, new TenantKey(tenantId, messageId)))) : Optional.empty();
    }

    public List<OutboxEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil, Duration inDoubtGrace) {
        return sessions.fromTransaction(s -> s.doReturningWork(c -> DeliveryStatements.claim(c, vendor, now, limit, workerId, leaseUntil,
                now.minus(inDoubtGrace))));
    }

    public Map<String, OutgoingMessage> outgoing(String tenantId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Map.of();
        }
        return sessions.fromSession(s -> s.doReturningWork(c -> DeliveryStatements.outgoing(c, tenantId, List.copyOf(messageIds))));
    }

    public Optional<Message> complete(OutboxEntry entry, DeliveryUpdate update) {
        return completeAll(List.of(new Completion(entry, update))).get(0);
    }

    /**
     * One transaction. On PostgreSQL one statement does it all; elsewhere a batch of deletes, a batch of status
     * moves and one read of the results. A provider id clash rolls all of it back.
     */
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
                .map(c -> Optional.ofNullable(completed.get(new TenantKey(c.entry().tenantId(), c.entry().messageId())))).toList();
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
        entities.forEach(m -> messages.put(new TenantKey(m.tenantId, m.id), Records.message(m)));
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

    public void releaseAll(String workerId) {
        sessions.inTransaction(s -> s.createMutationQuery("update OutboxEntity o set o.workerId = null, o.leaseUntil = null"
                        + " where o.workerId = :worker")
                .setParameter("worker", workerId).executeUpdate());
    }

    public Optional<Message> cancel(String tenantId, String messageId, Instant at) {
        return sessions.fromTransaction(s -> {
            OutboxEntity row = s.find(OutboxEntity.class, new TenantKey(tenantId, messageId), LockModeType.PESSIMISTIC_WRITE);
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

    public boolean reschedule(String tenantId, String messageId, Instant dueAt) {
        return sessions.fromTransaction(s -> s.createMutationQuery("update OutboxEntity o set o.dueAt = :due"
                        + " where o.tenantId = :tenant and o.id = :id and o.workerId is null")
                .setParameter("due", micros(dueAt)).setParameter("tenant", tenantId).setParameter("id", messageId)
                .executeUpdate() == 1);
    }

    public Optional<Instant> dueAt(String tenantId, String messageId) {
        return sessions.fromSession(s -> s.createSelectionQuery("select o.dueAt from OutboxEntity o"
                        + " where o.tenantId = :tenant and o.id = :id and o.workerId is null", Instant.class)
                .setParameter("tenant", tenantId).setParameter("id", messageId).getResultStream().findFirst());
    }

    public long pendingCount() {
        return sessions.fromSession(s -> s.createSelectionQuery("select count(o) from OutboxEntity o", Long.class).getSingleResult());
    }
}
