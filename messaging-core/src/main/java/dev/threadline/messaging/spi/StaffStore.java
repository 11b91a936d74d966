package dev.threadline.messaging.spi;

import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.StaffUser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Keeps a tenant's staff users and inboxes. Every method is atomic on its own. The tenant's
 * {@link Inbox#DEFAULT_ID default} inbox always exists: a store that has not stored it answers
 * {@link Inbox#defaultOf}.
 */
public interface StaffStore {

    /** The tenant's users, by email. */
    List<StaffUser> users(String tenantId);

    Optional<StaffUser> findUser(String tenantId, String userId);

    /** The user with {@code email} (compared lower-cased). */
    Optional<StaffUser> findUserByEmail(String tenantId, String email);

    /**
     * Stores a new user.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code conflict} when the tenant has a user
     *         with that id or email
     */
    StaffUser createUser(StaffUser user);

    /**
     * Changes a user as {@code change} says, atomically.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code not_found} for an unknown user,
     *         {@code conflict} when the new email is another user's
     */
    StaffUser updateUser(String tenantId, String userId, UnaryOperator<StaffUser> change);

    /** Removes a user; false when there was none. */
    boolean removeUser(String tenantId, String userId);

    /** The tenant's inboxes, the default one first, then by name. */
    List<Inbox> inboxes(String tenantId);

    Optional<Inbox> findInbox(String tenantId, String inboxId);

    /**
     * Stores an inbox, new or changed.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code conflict} when one of its addresses
     *         belongs to another inbox of the tenant
     */
    Inbox saveInbox(Inbox inbox);

    /** Removes an inbox with its addresses and memberships; false when there was none. */
    boolean removeInbox(String tenantId, String inboxId);

    /** The inbox whose addresses hold {@code address}, if any. */
    Optional<Inbox> inboxForAddress(String tenantId, String address);

    /**
     * Makes exactly {@code userIds} the members of {@code inboxId}: they join it, every other user leaves it.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code validation_failed} on {@code user_ids}
     *         naming an id that is not a user of the tenant
     */
    void setMembers(String tenantId, String inboxId, Set<String> userIds);
}
