package dev.threadline.messaging;

import dev.threadline.messaging.internal.engine.Engine;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's staff users and inboxes, managed as one {@link Actor}: owners change them, everyone sees the
 * inboxes they work. Get one from {@link MessageManager#team(Actor)}.
 */
public final class Team {

    private final Engine engine;
    private final StaffStore store;
    private final Actor actor;
    private final String tenantId;

    Team(Engine engine, Actor actor) {
        this.engine = engine;
        this.store = engine.staff();
        this.actor = actor;
        this.tenantId = actor.tenantId();
    }

    /** The tenant's staff users (owner). */
    public List<StaffUser> users() {
        actor.require(Role.OWNER, "managing staff users");
        return store.users(tenantId);
    }

    /** One staff user (owner, or the user themselves). */
    public StaffUser user(String userId) {
        if (!userId.equals(actor.userId())) {
            actor.require(Role.OWNER, "managing staff users");
        }
        return store.findUser(tenantId, userId).orElseThrow(() -> NonRetriableMessagingException.notFound("staff user", userId));
    }

    /**
     * Adds a staff user (owner).
     *
     * @throws NonRetriableMessagingException {@code conflict} for an email the tenant already has,
     *         {@code validation_failed} on {@code inbox_ids} for an unknown inbox
     */
    public StaffUser createUser(String email, String name, Role role, Set<String> inboxIds) {
        actor.require(Role.OWNER, "managing staff users");
        return store.createUser(new StaffUser(tenantId, engine.ids().newId(), email, name, role, existing(inboxIds), true));
    }

    /**
     * Changes what is given of a staff user (owner); null leaves a field as it is. A user made inactive gives up
     * their active conversations.
     */
    public StaffUser updateUser(String userId, @Nullable String email, @Nullable String name, @Nullable Role role,
                                @Nullable Set<String> inboxIds, @Nullable Boolean active) {
        actor.require(Role.OWNER, "managing staff users");
        Set<String> inboxes = inboxIds == null ? null : existing(inboxIds);
        StaffUser updated = store.updateUser(tenantId, userId, u -> new StaffUser(tenantId, userId,
                Objects.requireNonNullElse(email, u.email()), Objects.requireNonNullElse(name, u.name()),
                Objects.requireNonNullElse(role, u.role()), Objects.requireNonNullElse(inboxes, u.inboxIds()),
                Objects.requireNonNullElse(active, u.active())));
        if (!updated.active()) {
            engine.assignments().unassignAll(tenantId, userId, actor.label());
        }
        return updated;
    }

    /**
     * Removes a staff user (owner). They are made inactive first, which gives up their active conversations and keeps
     * anyone from assigning them one meanwhile; a crash before the removal leaves an inactive user, not a removed one
     * who still holds conversations.
     */
    public void removeUser(String userId) {
        updateUser(userId, null, null, null, null, false);
        store.removeUser(tenantId, userId);
    }

    /** The inboxes the actor works: every inbox for admins and owners. */
    public List<Inbox> inboxes() {
        return store.inboxes(tenantId).stream().filter(inbox -> actor.works(inbox.id())).toList();
    }

    /**
     * Adds an inbox (owner).
     *
     * @throws NonRetriableMessagingException {@code conflict} when an address is routed to another inbox
     */
    public Inbox createInbox(String name, List<String> addresses, @Nullable AiMode aiMode) {
        actor.require(Role.OWNER, "managing inboxes");
        return store.saveInbox(new Inbox(tenantId, engine.ids().newId(), name, addresses, aiMode));
    }

    /**
     * Makes inbox {@code inboxId} exactly as given, new or not (owner): how an app keeps the inboxes its configuration
     * names.
     */
    public Inbox defineInbox(String inboxId, String name, List<String> addresses, @Nullable AiMode aiMode) {
        actor.require(Role.OWNER, "managing inboxes");
        return store.saveInbox(new Inbox(tenantId, inboxId, name, addresses, aiMode));
    }

    /**
     * Changes what is given of an inbox; null leaves a field as it is. Admins may change the AI mode, only owners the
     * name and addresses.
     */
    public Inbox updateInbox(String inboxId, @Nullable String name, @Nullable List<String> addresses, @Nullable AiMode aiMode) {
        actor.require(name == null && addresses == null ? Role.ADMIN : Role.OWNER, "changing an inbox");
        Inbox current = store.findInbox(tenantId, inboxId).orElseThrow(() -> NonRetriableMessagingException.notFound("inbox", inboxId));
        return store.saveInbox(new Inbox(tenantId, inboxId, Objects.requireNonNullElse(name, current.name()),
                Objects.requireNonNullElse(addresses, current.addresses()), aiMode != null ? aiMode : current.aiMode()));
    }

    /**
     * Removes an inbox (owner).
     *
     * @throws NonRetriableMessagingException {@code conflict} for the default inbox and for an inbox that holds
     *         conversations (move them first), {@code not_found} for an unknown one
     */
    public void removeInbox(String inboxId) {
        actor.require(Role.OWNER, "managing inboxes");
        if (inboxId.equals(Inbox.DEFAULT_ID)) {
            throw NonRetriableMessagingException.conflict("the default inbox cannot be removed");
        }
        store.findInbox(tenantId, inboxId).orElseThrow(() -> NonRetriableMessagingException.notFound("inbox", inboxId));
        ConversationQuery held = ConversationQuery.all().withInboxes(Set.of(inboxId)).withPage(1, 1);
        if (engine.conversations().list(tenantId, held).total() > 0
                || engine.conversations().list(tenantId, held.withStatus(ConversationStatus.SPAM)).total() > 0) {
            throw NonRetriableMessagingException.conflict("inbox " + inboxId + " holds conversations: move them to another inbox first");
        }
        store.removeInbox(tenantId, inboxId);
    }

    /** Makes exactly {@code userIds} the members of the inbox (owner). */
    public void setMembers(String inboxId, Set<String> userIds) {
        actor.require(Role.OWNER, "managing inboxes");
        store.findInbox(tenantId, inboxId).orElseThrow(() -> NonRetriableMessagingException.notFound("inbox", inboxId));
        store.setMembers(tenantId, inboxId, userIds);
    }

    private Set<String> existing(Set<String> inboxIds) {
        Set<String> unknown = new TreeSet<>(inboxIds);
        store.inboxes(tenantId).forEach(inbox -> unknown.remove(inbox.id()));
        if (!unknown.isEmpty()) {
            throw NonRetriableMessagingException.validation("inbox_ids", "no such inboxes: " + unknown);
        }
        return inboxIds;
    }
}
