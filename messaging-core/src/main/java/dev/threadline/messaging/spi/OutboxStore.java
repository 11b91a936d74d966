package dev.threadline.messaging.spi;

import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox: outbound messages waiting to be sent, claimed by delivery workers under a lease so any
 * number of workers in any number of processes send each message once. Entries are created by
 * {@link ConversationStore#append} and {@link ConversationStore#approveDraft}.
 */
public interface OutboxStore {

    /**
     * Claims up to {@code limit} entries due at {@code now} that are unclaimed or whose lease expired,
     * for {@code workerId} until {@code leaseUntil}. Entries claimed by one caller are invisible to others
     * until the lease expires (on PostgreSQL: {@code FOR UPDATE SKIP LOCKED}).
     */
    List<OutboxEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil);

    /**
     * Removes the entry and applies the final delivery update in one transaction, if {@code entry} is
     * still claimed by its worker.
     *
     * @return the updated message, or empty when the claim was lost (the lease expired and another worker took it)
     */
    Optional<Message> complete(OutboxEntry entry, DeliveryUpdate update);

    /**
     * Completes each entry as {@link #complete} would, all in one transaction, and answers in the same
     * order. Delivery workers complete a batch at a time, so a store backed by a database should do it in a
     * round trip or two; this default completes the entries one by one.
     */
    default List<Optional<Message>> completeAll(List<Completion> completions) {
        return completions.stream().map(c -> complete(c.entry(), c.update())).toList();
    }

    /** Unclaims the entry and makes it due again at {@code nextAttemptAt}, counting one more attempt. */
    void retryLater(OutboxEntry entry, Instant nextAttemptAt, String lastError);

    /** Unclaims every entry {@code workerId} holds, keeping their due times (graceful shutdown). */
    void releaseAll(String workerId);

    /**
     * Cancels a queued or scheduled message not yet claimed by a worker.
     *
     * @return the canceled message, or empty when it was unknown, already claimed or already sent
     */
    Optional<Message> cancel(String tenantId, String messageId, Instant at);

    /** Moves a not-yet-claimed entry to a new due time (reschedule); false when it is claimed or gone. */
    boolean reschedule(String tenantId, String messageId, Instant dueAt);

    /** Entries waiting, claimed or not (for health checks and metrics). */
    long pendingCount();

    /** A claimed entry and the delivery update that ends it. */
    record Completion(OutboxEntry entry, DeliveryUpdate update) {
        public Completion {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(update, "update");
        }
    }
}
