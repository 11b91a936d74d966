package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.List;
import java.util.Optional;

/** Staff members and their notification preferences, per tenant. Implementations must be thread-safe. */
public interface StaffDirectory {

    /** Stores the member, replacing the one with the same tenant and id. */
    void save(StaffMember member);

    Optional<StaffMember> find(String tenantId, String memberId);

    /** The tenant's staff ordered by id. */
    List<StaffMember> list(String tenantId);

    /**
     * Changes one member's notification level.
     *
     * @throws NonRetriableMessagingException {@code not_found}
     */
    default StaffMember setLevel(String tenantId, String memberId, NotificationLevel level) {
        StaffMember updated = find(tenantId, memberId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("staff member", memberId))
                .withLevel(level);
        save(updated);
        return updated;
    }
}
