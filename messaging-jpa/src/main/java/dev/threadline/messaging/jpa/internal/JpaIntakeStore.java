package dev.threadline.messaging.jpa.internal;

import static dev.threadline.messaging.jpa.internal.Records.micros;

import dev.threadline.messaging.intake.IntakeEntry;
import dev.threadline.messaging.intake.IntakeRequest;
import dev.threadline.messaging.intake.IntakeStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.SessionFactory;
import org.jspecify.annotations.Nullable;

/**
 * The webhook intake table, in plain JDBC. Requests are claimed like outbox entries: the due, live rows
 * are picked with {@code FOR UPDATE SKIP LOCKED} and leased to the worker, so workers in several processes
 * never process one request at the same time, and a crashed worker's requests are taken once its lease runs out.
 */
public final class JpaIntakeStore implements IntakeStore {

    private static final String COLUMNS = "tenant_id, id, source, fields, received_at, attempts, last_error, dead, worker_id, lease_until";
    private static final String INSERT = "insert into webhook_intake (tenant_id, id, source, fields, received_at, due_at)"
            + " values (?, ?, ?, ?, ?, ?)";
    private static final String CLAIM_ONE = "update webhook_intake set worker_id = ?, lease_until = ? where tenant_id = ? and id = ?";
    private static final String COMPLETE = "delete from webhook_intake where tenant_id = ? and id = ? and worker_id = ?";
    private static final String RETRY = "update webhook_intake set attempts = attempts + 1, due_at = ?, last_error = ?,"
            + " worker_id = null, lease_until = null where tenant_id = ? and id = ? and worker_id = ?";
    private static final String DEAD = "update webhook_intake set attempts = attempts + 1, dead = true, last_error = ?,"
            + " worker_id = null, lease_until = null where tenant_id = ? and id = ? and worker_id = ?";
    private static final String REPLAY = "update webhook_intake set dead = false, attempts = 0, due_at = ?"
            + " where tenant_id = ? and id = ? and dead";
    private static final String RELEASE = "update webhook_intake set worker_id = null, lease_until = null where worker_id = ?";

    private final SessionFactory sessions;

    public JpaIntakeStore(SessionFactory sessions) {
        this.sessions = sessions;
    }

    @Override
    public void accept(IntakeRequest request) {
        OffsetDateTime at = timestamp(request.receivedAt());
        update(INSERT, request.tenantId(), request.id(), request.source(), Json.write(request.fields()), at, at);
    }

    @Override
    public List<IntakeEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil) {
        OffsetDateTime at = timestamp(now);
        OffsetDateTime until = timestamp(leaseUntil);
        return sessions.fromTransaction(s -> s.doReturningWork(c -> {
            List<IntakeEntry> claimed = new ArrayList<>(limit);
            try (PreparedStatement due = c.prepareStatement("select " + COLUMNS + " from webhook_intake where not dead and due_at <= ?"
                    + " and (lease_until is null or lease_until <= ?) order by due_at, id fetch first " + limit
                    + " rows only for update skip locked");
                 PreparedStatement claim = c.prepareStatement(CLAIM_ONE)) {
                due.setObject(1, at);
                due.setObject(2, at);
                try (ResultSet rs = due.executeQuery()) {
                    while (rs.next()) {
                        IntakeEntry entry = entry(rs);
                        claimed.add(new IntakeEntry(entry.request(), entry.attempts(), entry.lastError(), false, workerId,
                                until.toInstant()));
                        claim.setString(1, workerId);
                        claim.setObject(2, until);
                        claim.setString(3, entry.request().tenantId());
                        claim.setString(4, entry.request().id());
                        claim.addBatch();
                    }
                }
                if (!claimed.isEmpty()) {
                    claim.executeBatch();
                }
            }
            return claimed;
        }));
    }

    @Override
    public void complete(IntakeEntry entry) {
        update(COMPLETE, entry.request().tenantId(), entry.request().id(), entry.workerId());
    }

    @Override
    public void retryLater(IntakeEntry entry, Instant dueAt, String error) {
        update(RETRY, timestamp(dueAt), error, entry.request().tenantId(), entry.request().id(), entry.workerId());
    }

    @Override
    public void deadLetter(IntakeEntry entry, String error) {
        update(DEAD, error, entry.request().tenantId(), entry.request().id(), entry.workerId());
    }

    @Override
    public List<IntakeEntry> deadLetters(String tenantId, int limit) {
        return sessions.fromSession(s -> s.doReturningWork(c -> {
            List<IntakeEntry> dead = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from webhook_intake where tenant_id = ?"
                    + " and dead order by received_at, id fetch first " + Math.max(1, limit) + " rows only")) {
                select.setString(1, tenantId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        dead.add(entry(rs));
                    }
                }
            }
            return dead;
        }));
    }

    @Override
    public boolean replay(String tenantId, String id, Instant dueAt) {
        return update(REPLAY, timestamp(dueAt), tenantId, id) == 1;
    }

    @Override
    public void releaseAll(String workerId) {
        update(RELEASE, workerId);
    }

    private int update(String sql, @Nullable Object... parameters) {
        return sessions.fromTransaction(s -> s.doReturningWork(c -> execute(c, sql, parameters)));
    }

    private static int execute(Connection c, String sql, @Nullable Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static IntakeEntry entry(ResultSet rs) throws SQLException {
        IntakeRequest request = new IntakeRequest(rs.getString("tenant_id"), rs.getString("id"), rs.getString("source"),
                Json.strings(rs.getString("fields")), rs.getObject("received_at", OffsetDateTime.class).toInstant());
        OffsetDateTime lease = rs.getObject("lease_until", OffsetDateTime.class);
        return new IntakeEntry(request, rs.getInt("attempts"), rs.getString("last_error"), rs.getBoolean("dead"),
                rs.getString("worker_id"), lease == null ? null : lease.toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return micros(instant).atOffset(ZoneOffset.UTC);
    }
}
