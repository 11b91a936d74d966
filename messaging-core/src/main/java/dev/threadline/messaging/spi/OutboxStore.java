package dev.threadline.messaging.spi;

import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox: outbound messages waiting to be sent, claimed by delivery workers under a lease so any
 * number of workers in any number of processes share the work. Entries are created by
 * {@link ConversationStore#append} and {@link ConversationStore#approveDraft}.
 *
 * <p>A claim also marks an attempt in flight: it lasts until the entry is completed, retried later or
 * released. A claim whose lease ran out is therefore one whose worker stopped, maybe mid-send; the entry
 * is not taken again until {@code inDoubtGrace} after its lease, and then comes back
 * {@linkplain OutboxEntry#attemptInDoubt() in doubt}.
 */
public interface OutboxStore {

    /**
     * Claims up to {@code limit} entries due at {@code now} for {@code workerId} until {@code leaseUntil}:
     * unclaimed ones, and ones whose claim's lease ended at least {@code inDoubtGrace} before {@code now},
     * which come back with {@link OutboxEntry#attemptInDoubt()} set. Entries claimed by one caller are
     * invisible to others meanwhile (on PostgreSQL: {@code FOR UPDATE SKIP LOCKED}).
     */
    List<OutboxEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil, Duration inDoubtGrace);

    /**
     * Removes the entry and applies the final delivery update in one transaction, if {@code entry} is
     * still claimed by its worker. A message keeps the first provider id it was given.
     *
     * @return the updated message, or empty when the claim was lost (the lease expired and another worker took it)
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code conflict} when the update would
     *         give the message a provider id another message of its tenant and channel already has; nothing changes
     */
    Optional<Message> complete(OutboxEntry entry, DeliveryUpdate update);

    /**
     * Completes each entry as {@link #complete} would, all in one transaction, and answers in the same
     * order. Delivery workers complete a batch at a time, so a store backed by a database should do it in a
     * round trip or two; this default completes the entries one by one.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code conflict} when an update would
     *         give its message a provider id another message already has, or one the batch gives another message
     *         too; a store completing the batch in one transaction then completes none of it
     */
    default List<Optional<Message>> completeAll(List<Completion> completions) {
        return completions.stream().map(c -> complete(c.entry(), c.update())).toList();
    }

    /** Unclaims the entry and makes it due again at {@code nextAttemptAt}, counting one more attempt. */
    void retryLater(OutboxEntry entry, Instant nextAttemptAt, String lastError);

    /** Unclaims every entry {@code workerId} holds, keeping their due times (graceful shutdown). */
    void releaseAll(String workerId);

    /**
     * Cancels a queued or scheduled message no worker has claimed: not while a claim holds it, nor while an
     * abandoned claim leaves it in doubt.
     *
     * @return the canceled message, or empty when it was unknown, claimed or already sent
     */
    Optional<Message> cancel(String tenantId, String messageId, Instant at);

    /** Moves a not-yet-claimed entry to a new due time (reschedule); false when it is claimed or gone. */
    boolean reschedule(String tenantId, String messageId, Instant dueAt);

    /** When a not-yet-claimed entry falls due (a scheduled message's send time); empty when it is claimed or gone. */
    Optional<Instant> dueAt(String tenantId, String messageId);

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
