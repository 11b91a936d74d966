package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.hibernate.SessionFactory;
import org.jspecify.annotations.Nullable;

/**
 * Staff users, inboxes, inbox addresses and memberships in plain JDBC ({@code staff_users}, {@code inboxes},
 * {@code inbox_addresses}, {@code inbox_members}). The database keeps emails and addresses unique per tenant, so
 * two instances racing to take one get one success and one {@code conflict}.
 */
public final class JpaStaffStore implements StaffStore {

    private static final String USER_COLUMNS = "u.tenant_id, u.id, u.email, u.name, u.role, u.active";
    private static final String MEMBERSHIPS = "select user_id, inbox_id from inbox_members where tenant_id = ?";

    private final SessionFactory sessions;

    public JpaStaffStore(SessionFactory sessions) {
        this.sessions = sessions;
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            return sessions.fromTransaction(s -> s.doReturningWork(work::run));
        } catch (RuntimeException e) {
            if (Failures.isUniqueViolation(e)) {
                throw NonRetriableMessagingException.conflict("another staff user or inbox of the tenant has that email or address");
            }
            throw e;
        }
    }

    private <T> T reading(Work<T> work) {
        return sessions.fromSession(s -> s.doReturningWork(work::run));
    }

    @Override
    public List<StaffUser> users(String tenantId) {
        return reading(c -> users(c, "select " + USER_COLUMNS + " from staff_users u where u.tenant_id = ? order by u.email", tenantId));
    }

    @Override
    public Optional<StaffUser> findUser(String tenantId, String userId) {
        return reading(c -> findUser(c, tenantId, userId));
    }

    @Override
    public Optional<StaffUser> findUserByEmail(String tenantId, String email) {
        return reading(c -> users(c, "select " + USER_COLUMNS + " from staff_users u where u.tenant_id = ? and u.email = ?",
                tenantId, email.strip().toLowerCase(Locale.ROOT)).stream().findFirst());
    }

    @Override
    public StaffUser createUser(StaffUser user) {
        return inTransaction(c -> {
            execute(c, "insert into staff_users (tenant_id, id, email, name, role, active) values (?, ?, ?, ?, ?, ?)",
                    user.tenantId(), user.id(), user.email(), user.name(), user.role().wireName(), user.active());
            writeMemberships(c, user);
            return user;
        });
    }

    @Override
    public StaffUser updateUser(String tenantId, String userId, UnaryOperator<StaffUser> change) {
        return inTransaction(c -> {
            StaffUser current = users(c, "select " + USER_COLUMNS + " from staff_users u where u.tenant_id = ? and u.id = ? for update",
                    tenantId, userId).stream().findFirst()
                    .orElseThrow(() -> NonRetriableMessagingException.notFound("staff user", userId));
            StaffUser changed = change.apply(current);
            if (!changed.id().equals(userId) || !changed.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("a change may not move a user to another id or tenant");
            }
            execute(c, "update staff_users set email = ?, name = ?, role = ?, active = ? where tenant_id = ? and id = ?",
                    changed.email(), changed.name(), changed.role().wireName(), changed.active(), tenantId, userId);
            execute(c, "delete from inbox_members where tenant_id = ? and user_id = ?", tenantId, userId);
            writeMemberships(c, changed);
            return changed;
        });
    }

    @Override
    public boolean removeUser(String tenantId, String userId) {
        return inTransaction(c -> {
            execute(c, "delete from inbox_members where tenant_id = ? and user_id = ?", tenantId, userId);
            return execute(c, "delete from staff_users where tenant_id = ? and id = ?", tenantId, userId) == 1;
        });
    }

    @Override
    public List<Inbox> inboxes(String tenantId) {
        return reading(c -> {
            List<Inbox> stored = inboxes(c, tenantId, null);
            List<Inbox> all = new ArrayList<>();
            all.add(stored.stream().filter(i -> i.id().equals(Inbox.DEFAULT_ID)).findFirst().orElse(Inbox.defaultOf(tenantId)));
            stored.stream().filter(i -> !i.id().equals(Inbox.DEFAULT_ID)).forEach(all::add);
            return all;
        });
    }

    @Override
    public Optional<Inbox> findInbox(String tenantId, String inboxId) {
        Optional<Inbox> stored = reading(c -> inboxes(c, tenantId, inboxId).stream().findFirst());
        return stored.isPresent() || !inboxId.equals(Inbox.DEFAULT_ID) ? stored : Optional.of(Inbox.defaultOf(tenantId));
    }

    @Override
    public Inbox saveInbox(Inbox inbox) {
        return inTransaction(c -> {
            String aiMode = inbox.aiMode() == null ? null : inbox.aiMode().name().toLowerCase(Locale.ROOT);
            if (execute(c, "update inboxes set name = ?, ai_mode = ? where tenant_id = ? and id = ?",
                    inbox.name(), aiMode, inbox.tenantId(), inbox.id()) == 0) {
                execute(c, "insert into inboxes (tenant_id, id, name, ai_mode) values (?, ?, ?, ?)",
                        inbox.tenantId(), inbox.id(), inbox.name(), aiMode);
            }
            execute(c, "delete from inbox_addresses where tenant_id = ? and inbox_id = ?", inbox.tenantId(), inbox.id());
            for (String address : inbox.addresses()) {
                execute(c, "insert into inbox_addresses (tenant_id, address, inbox_id) values (?, ?, ?)",
                        inbox.tenantId(), address, inbox.id());
            }
            return inbox;
        });
    }

    @Override
    public boolean removeInbox(String tenantId, String inboxId) {
        return inTransaction(c -> {
            execute(c, "delete from inbox_members where tenant_id = ? and inbox_id = ?", tenantId, inboxId);
            execute(c, "delete from inbox_addresses where tenant_id = ? and inbox_id = ?", tenantId, inboxId);
            return execute(c, "delete from inboxes where tenant_id = ? and id = ?", tenantId, inboxId) == 1;
        });
    }

    @Override
    public Optional<Inbox> inboxForAddress(String tenantId, String address) {
        return reading(c -> {
            String inboxId = null;
            try (PreparedStatement select = prepared(c, "select inbox_id from inbox_addresses where tenant_id = ? and address = ?",
                    tenantId, address); ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    inboxId = rs.getString(1);
                }
            }
            return inboxId == null ? Optional.<Inbox>empty() : inboxes(c, tenantId, inboxId).stream().findFirst();
        });
    }

    @Override
    public void setMembers(String tenantId, String inboxId, Set<String> userIds) {
        inTransaction(c -> {
            Set<String> unknown = new TreeSet<>(userIds);
            for (StaffUser user : users(c, "select " + USER_COLUMNS + " from staff_users u where u.tenant_id = ?", tenantId)) {
                unknown.remove(user.id());
            }
            if (!unknown.isEmpty()) {
                throw NonRetriableMessagingException.validation("user_ids", "not staff users of the tenant: " + unknown);
            }
            execute(c, "delete from inbox_members where tenant_id = ? and inbox_id = ?", tenantId, inboxId);
            for (String userId : userIds) {
                execute(c, "insert into inbox_members (tenant_id, user_id, inbox_id) values (?, ?, ?)", tenantId, userId, inboxId);
            }
            return null;
        });
    }

    private static void writeMemberships(Connection c, StaffUser user) throws SQLException {
        for (String inboxId : user.inboxIds()) {
            execute(c, "insert into inbox_members (tenant_id, user_id, inbox_id) values (?, ?, ?)", user.tenantId(), user.id(), inboxId);
        }
    }

    private static Optional<StaffUser> findUser(Connection c, String tenantId, String userId) throws SQLException {
        return users(c, "select " + USER_COLUMNS + " from staff_users u where u.tenant_id = ? and u.id = ?", tenantId, userId)
                .stream().findFirst();
    }

    /**
     * The users a query of one tenant selects (the tenant is its first parameter), each with its memberships, read in
     * one more query whatever the number of users (it was one per user).
     */
    private static List<StaffUser> users(Connection c, String sql, Object... parameters) throws SQLException {
        List<StaffUser> users = new ArrayList<>();
        try (PreparedStatement select = prepared(c, sql, parameters); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                users.add(new StaffUser(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Role.fromWire(rs.getString(5), "role"), Set.of(), rs.getBoolean(6)));
            }
        }
        if (users.isEmpty()) {
            return users;
        }
        Map<String, Set<String>> memberships = new HashMap<>();
        // One user (every signed-in request looks one up): only theirs; several: the tenant's, in one read.
        boolean one = users.size() == 1;
        try (PreparedStatement select = one ? prepared(c, MEMBERSHIPS + " and user_id = ?", parameters[0], users.get(0).id())
                : prepared(c, MEMBERSHIPS, parameters[0]); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                memberships.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
            }
        }
        return users.stream().map(u -> u.withInboxIds(memberships.getOrDefault(u.id(), Set.of()))).toList();
    }

    /** The tenant's stored inboxes by name (or the one with {@code onlyId}), each with its addresses. */
    private static List<Inbox> inboxes(Connection c, String tenantId, @Nullable String onlyId) throws SQLException {
        Map<String, List<String>> addresses = new HashMap<>();
        String addressSql = "select inbox_id, address from inbox_addresses where tenant_id = ?" + (onlyId == null ? "" : " and inbox_id = ?")
                + " order by address";
        try (PreparedStatement select = onlyId == null ? prepared(c, addressSql, tenantId) : prepared(c, addressSql, tenantId, onlyId);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                addresses.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<Inbox> inboxes = new ArrayList<>();
        String sql = "select id, name, ai_mode from inboxes where tenant_id = ?" + (onlyId == null ? "" : " and id = ?") + " order by name, id";
        try (PreparedStatement select = onlyId == null ? prepared(c, sql, tenantId) : prepared(c, sql, tenantId, onlyId);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String mode = rs.getString(3);
                inboxes.add(new Inbox(tenantId, rs.getString(1), rs.getString(2), addresses.getOrDefault(rs.getString(1), List.of()),
                        mode == null ? null : AiMode.valueOf(mode.toUpperCase(Locale.ROOT))));
            }
        }
        return inboxes;
    }

    private static int execute(Connection c, String sql, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepared(c, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, @Nullable Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
