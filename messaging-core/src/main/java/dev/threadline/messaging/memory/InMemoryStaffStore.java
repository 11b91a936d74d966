package dev.threadline.messaging.memory;

import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.StaffUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/** Staff users and inboxes in memory, for tests and single-process apps. Thread-safe. */
public final class InMemoryStaffStore implements StaffStore {

    private final Map<String, Map<String, StaffUser>> usersByTenant = new LinkedHashMap<>();
    private final Map<String, Map<String, Inbox>> inboxesByTenant = new LinkedHashMap<>();

    @Override
    public synchronized List<StaffUser> users(String tenantId) {
        return users(tenantId, false).values().stream().sorted(Comparator.comparing(StaffUser::email)).toList();
    }

    @Override
    public synchronized Optional<StaffUser> findUser(String tenantId, String userId) {
        return Optional.ofNullable(users(tenantId, false).get(userId));
    }

    @Override
    public synchronized Optional<StaffUser> findUserByEmail(String tenantId, String email) {
        return users(tenantId, false).values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public synchronized StaffUser createUser(StaffUser user) {
        Map<String, StaffUser> users = users(user.tenantId(), true);
        if (users.containsKey(user.id())) {
            throw NonRetriableMessagingException.conflict("a staff user with id " + user.id() + " exists");
        }
        requireFreeEmail(users, user);
        users.put(user.id(), user);
        return user;
    }

    @Override
    public synchronized StaffUser updateUser(String tenantId, String userId, UnaryOperator<StaffUser> change) {
        Map<String, StaffUser> users = users(tenantId, true);
        StaffUser current = users.get(userId);
        if (current == null) {
            throw NonRetriableMessagingException.notFound("staff user", userId);
        }
        StaffUser changed = change.apply(current);
        if (!changed.id().equals(userId) || !changed.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("a change may not move a user to another id or tenant");
        }
        requireFreeEmail(users, changed);
        users.put(userId, changed);
        return changed;
    }

    private static void requireFreeEmail(Map<String, StaffUser> users, StaffUser user) {
        boolean taken = users.values().stream().anyMatch(u -> !u.id().equals(user.id()) && u.email().equalsIgnoreCase(user.email()));
        if (taken) {
            throw NonRetriableMessagingException.conflict("another staff user has the email " + user.email());
        }
    }

    @Override
    public synchronized boolean removeUser(String tenantId, String userId) {
        return users(tenantId, true).remove(userId) != null;
    }

    @Override
    public synchronized List<Inbox> inboxes(String tenantId) {
        Map<String, Inbox> stored = inboxes(tenantId, false);
        List<Inbox> all = new ArrayList<>();
        all.add(stored.getOrDefault(Inbox.DEFAULT_ID, Inbox.defaultOf(tenantId)));
        stored.values().stream().filter(i -> !i.id().equals(Inbox.DEFAULT_ID))
                .sorted(Comparator.comparing(Inbox::name).thenComparing(Inbox::id)).forEach(all::add);
        return all;
    }

    @Override
    public synchronized Optional<Inbox> findInbox(String tenantId, String inboxId) {
        Inbox stored = inboxes(tenantId, false).get(inboxId);
        return Optional.ofNullable(stored != null || !inboxId.equals(Inbox.DEFAULT_ID) ? stored : Inbox.defaultOf(tenantId));
    }

    @Override
    public synchronized Inbox saveInbox(Inbox inbox) {
        Map<String, Inbox> inboxes = inboxes(inbox.tenantId(), true);
        for (Inbox other : inboxes.values()) {
            if (!other.id().equals(inbox.id()) && other.addresses().stream().anyMatch(inbox.addresses()::contains)) {
                throw NonRetriableMessagingException.conflict("an address of inbox " + inbox.id() + " belongs to inbox " + other.id());
            }
        }
        inboxes.put(inbox.id(), inbox);
        return inbox;
    }

    @Override
    public synchronized boolean removeInbox(String tenantId, String inboxId) {
        boolean removed = inboxes(tenantId, true).remove(inboxId) != null;
        users(tenantId, true).replaceAll((id, user) -> {
            Set<String> memberships = new HashSet<>(user.inboxIds());
            memberships.remove(inboxId);
            return user.withInboxIds(memberships);
        });
        return removed;
    }

    @Override
    public synchronized Optional<Inbox> inboxForAddress(String tenantId, String address) {
        return inboxes(tenantId, false).values().stream().filter(i -> i.addresses().contains(address)).findFirst();
    }

    @Override
    public synchronized void setMembers(String tenantId, String inboxId, Set<String> userIds) {
        Map<String, StaffUser> users = users(tenantId, true);
        Set<String> unknown = new TreeSet<>(userIds);
        unknown.removeAll(users.keySet());
        if (!unknown.isEmpty()) {
            throw NonRetriableMessagingException.validation("user_ids", "not staff users of the tenant: " + unknown);
        }
        users.replaceAll((id, user) -> {
            Set<String> memberships = new HashSet<>(user.inboxIds());
            if (userIds.contains(id)) {
                memberships.add(inboxId);
            } else {
                memberships.remove(inboxId);
            }
            return user.withInboxIds(memberships);
        });
    }

    private Map<String, StaffUser> users(String tenantId, boolean create) {
        return create ? usersByTenant.computeIfAbsent(tenantId, t -> new LinkedHashMap<>()) : usersByTenant.getOrDefault(tenantId, Map.of());
    }

    private Map<String, Inbox> inboxes(String tenantId, boolean create) {
        return create ? inboxesByTenant.computeIfAbsent(tenantId, t -> new LinkedHashMap<>()) : inboxesByTenant.getOrDefault(tenantId, Map.of());
    }
}
