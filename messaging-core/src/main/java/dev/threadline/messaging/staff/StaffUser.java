package dev.threadline.messaging.staff;

import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.support.EmailAddresses;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person who works conversations: their role and the inboxes they belong to. Admins and owners work every
 * inbox whatever their memberships say.
 *
 * @param email unique within the tenant, compared lower-cased
 * @param inboxIds the inboxes this user is a member of
 * @param active false for a user who may no longer sign in or act
 */
public record StaffUser(String tenantId, String id, String email, String name, Role role, Set<String> inboxIds,
                        boolean active) {

    public StaffUser {
        Objects.requireNonNull(tenantId, "tenantId");
        requireText("id", id);
        requireText("name", name);
        email = EmailAddresses.normalize(email, "email");
        Objects.requireNonNull(role, "role");
        inboxIds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(inboxIds));
    }

    /** True when this user works {@code inboxId}: a member of it, or an admin or owner. */
    public boolean works(String inboxId) {
        return role.includes(Role.ADMIN) || inboxIds.contains(inboxId);
    }

    public StaffUser withInboxIds(Set<String> value) {
        return new StaffUser(tenantId, id, email, name, role, value, active);
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw NonRetriableMessagingException.validation(field, field + " is required");
        }
    }
}
