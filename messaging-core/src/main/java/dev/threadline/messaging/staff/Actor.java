package dev.threadline.messaging.staff;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who asks: a staff user, or an API key acting as the owner of its tenant. Every operation of a
 * {@link dev.threadline.messaging.Workspace} is checked against it, in one place.
 *
 * @param user the staff user, or null for an API key
 * @param label what the audit trail records: the user's id, or the key's label
 */
public record Actor(String tenantId, Role role, @Nullable StaffUser user, String label) {

    public Actor {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(label, "label");
        if (user != null && (!user.tenantId().equals(tenantId) || user.role() != role)) {
            throw new IllegalArgumentException("an actor's tenant and role are its user's");
        }
    }

    /** An API key of {@code tenantId}: it acts as the tenant's owner; {@code label} names it in the audit trail. */
    public static Actor apiKey(String tenantId, String label) {
        return new Actor(tenantId, Role.OWNER, null, label);
    }

    /**
     * A staff user acting for themselves.
     *
     * @throws NonRetriableMessagingException {@code forbidden} when the user is no longer active
     */
    public static Actor of(StaffUser user) {
        if (!user.active()) {
            throw NonRetriableMessagingException.forbidden("staff user " + user.id() + " is not active");
        }
        return new Actor(user.tenantId(), user.role(), user, "user:" + user.id());
    }

    /** The acting user's id, or null for an API key. */
    public @Nullable String userId() {
        return user == null ? null : user.id();
    }

    /** True when this actor works {@code inboxId}: every inbox for admins, owners and keys; their own for others. */
    public boolean works(String inboxId) {
        return user == null ? role.includes(Role.ADMIN) : user.works(inboxId);
    }

    /**
     * Checks that this actor's role includes {@code needed}.
     *
     * @throws NonRetriableMessagingException {@code forbidden}, naming what was asked
     */
    public void require(Role needed, String what) {
        if (!role.includes(needed)) {
            throw NonRetriableMessagingException.forbidden(what + " needs the " + needed.wireName() + " role");
        }
    }
}
