package dev.threadline.messaging;

import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An outbox that records what each claim returned and how many completions each write carried. */
final class RecordingOutbox implements OutboxStore {
    private final OutboxStore delegate;
    final List<Integer> writes = new CopyOnWriteArrayList<>();
    final List<List<OutboxEntry>> claims = new CopyOnWriteArrayList<>();

    RecordingOutbox(OutboxStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil, Duration inDoubtGrace) {
        List<OutboxEntry> claimed = delegate.claimDue(now, limit, workerId, leaseUntil, inDoubtGrace);
        if (!claimed.isEmpty()) {
            claims.add(claimed);
        }
        return claimed;
    }

    @Override
    public Optional<Message> complete(OutboxEntry entry, DeliveryUpdate update) {
        writes.add(1);
        return delegate.complete(entry, update);
    }

    @Override
    public List<Optional<Message>> completeAll(List<Completion> completions) {
        writes.add(completions.size());
        return delegate.completeAll(completions);
    }

    @Override
    public void retryLater(OutboxEntry entry, Instant nextAttemptAt, String lastError) {
        delegate.retryLater(entry, nextAttemptAt, lastError);
    }

    @Override
    public void releaseAll(String workerId) {
        delegate.releaseAll(workerId);
    }

    @Override
    public Optional<Message> cancel(String tenantId, String messageId, Instant at) {
        return delegate.cancel(tenantId, messageId, at);
    }

    @Override
    public boolean reschedule(String tenantId, String messageId, Instant dueAt) {
        return delegate.reschedule(tenantId, messageId, dueAt);
    }

    @Override
    public Optional<Instant> dueAt(String tenantId, String messageId) {
        return delegate.dueAt(tenantId, messageId);
    }

    @Override
    public long pendingCount() {
        return delegate.pendingCount();
    }
}
