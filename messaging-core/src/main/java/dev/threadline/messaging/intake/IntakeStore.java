package dev.threadline.messaging.intake;

import java.time.Instant;
import java.util.List;

/**
 * Where webhook requests wait to be processed. A request is durable once {@link #accept} returns: a store
 * backed by a database commits it first. Claims work like the outbox's: a claim is a lease, and an expired
 * lease is free to take, so a crashed worker's requests are processed by another. Implementations must be
 * thread-safe and safe for several processes sharing the data.
 *
 * <p>Run {@code dev.threadline.messaging.testkit.IntakeStoreContract} from messaging-test-kit against an
 * implementation to check it.
 */
public interface IntakeStore {

    /** Stores the request, due at once. */
    void accept(IntakeRequest request);

    /** Claims up to {@code limit} due, live requests for {@code workerId} until {@code leaseUntil}, oldest first. */
    List<IntakeEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil);

    /** Removes a processed request, if {@code entry}'s worker still holds it. */
    void complete(IntakeEntry entry);

    /** Releases a failed request, due again at {@code dueAt}, counting the attempt and keeping {@code error}. */
    void retryLater(IntakeEntry entry, Instant dueAt, String error);

    /** Parks a request that keeps failing as a dead letter with {@code error}; it is not claimed again. */
    void deadLetter(IntakeEntry entry, String error);

    /** The tenant's dead letters, oldest first, at most {@code limit}. */
    List<IntakeEntry> deadLetters(String tenantId, int limit);

    /**
     * Makes a dead letter due again at {@code dueAt} with its attempts reset.
     *
     * @return false when no dead letter has that id
     */
    boolean replay(String tenantId, String id, Instant dueAt);

    /** Releases every claim {@code workerId} holds, e.g. at shutdown. */
    void releaseAll(String workerId);
}
