package dev.threadline.messaging.jpa.internal;

import static dev.threadline.messaging.jpa.internal.Records.micros;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutgoingMessage;
import dev.threadline.messaging.spi.OutboxStore.Completion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The delivery path's statements, in plain JDBC: claiming a batch, loading what sending it needs, and
 * ending it. A delivery worker handles fifty messages at a time; Hibernate executes native updates one by
 * one and spends more CPU per row of a native query than the database spends on the query, while the
 * PostgreSQL driver sends a JDBC batch in one round trip.
 */
final class DeliveryStatements {

    /** A message's columns under the alias {@code m}, in {@link EntityRows#MESSAGE_COLUMNS} order. */
    private static final String MESSAGE = EntityRows.columns("m", EntityRows.MESSAGE_COLUMNS);

    /**
     * The batch load. The ids travel as one array parameter: with an {@code in} list of one parameter per id,
     * PostgreSQL kept planning the three-table join anew on every execution (1.1 ms, more than running it),
     * while for an array it settles on one generic plan.
     */
    private static final String OUTGOING = "select " + MESSAGE + ", "
            + EntityRows.columns("c", EntityRows.CONVERSATION_COLUMNS) + ", " + EntityRows.columns("ct", EntityRows.CONTACT_COLUMNS)
            + " from messages m join conversations c on c.tenant_id = m.tenant_id and c.id = m.conversation_id"
            + " join contacts ct on ct.tenant_id = c.tenant_id and ct.id = c.contact_id"
            + " where m.tenant_id = ? and m.id = any(?)";

    private static final int CONVERSATION_FIRST = 1 + EntityRows.MESSAGE_COLUMNS.size();
    private static final int CONTACT_FIRST = CONVERSATION_FIRST + EntityRows.CONVERSATION_COLUMNS.size();

    /**
     * The due entries, at most {@code limit}: unclaimed, or abandoned (their lease ended before the second
     * parameter, the in-doubt grace ago). {@code previous_lease} is set for the abandoned ones. The limit is
     * written into the SQL (a worker always asks for the same number): with it as a parameter, PostgreSQL planned
     * the claim anew on every execution.
     */
    private static String due(int limit) {
        return "select tenant_id, message_id, due_at, attempts, lease_until as previous_lease from outbox where due_at <= ?"
                + " and (lease_until is null or lease_until <= ?) order by due_at, message_id fetch first " + limit
                + " rows only for update skip locked";
    }

    /** PostgreSQL claims in the statement that picks the rows; the subquery still holds each row's lease before the claim. */
    private static String claimAtOnce(int limit) {
        return "update outbox o set worker_id = ?, lease_until = ? from (" + due(limit) + ") due"
                + " where o.tenant_id = due.tenant_id and o.message_id = due.message_id"
                + " returning o.tenant_id, o.message_id, o.due_at, o.attempts, due.previous_lease";
    }

    private static final String CLAIM_ONE = "update outbox set worker_id = ?, lease_until = ? where tenant_id = ? and message_id = ?";

    private static final String REMOVE_CLAIMED = "delete from outbox where tenant_id = ? and message_id = ? and worker_id = ?";

    /**
     * The main query sees the messages as they were before the statement, which are the unmoved ones' current
     * rows. They are told from the moved ones by {@code not in}, which PostgreSQL hashes; a {@code not exists}
     * was planned as a nested loop over the two lists (0.5 ms for a batch of fifty).
     */
    private static final String COMPLETE_IN_ONE_STATEMENT = "with batch as (select * from json_to_recordset(cast(? as json))"
            + " as b(tenant_id text, message_id text, worker_id text, status text, at timestamptz, provider_id text,"
            + " error_code text, error_message text, movable_from text[])),"
            + " removed as (delete from outbox o using batch b where o.tenant_id = b.tenant_id and o.message_id = b.message_id"
            + " and o.worker_id = b.worker_id returning o.tenant_id, o.message_id),"
            + " moved as (update messages m set status = b.status, status_at = b.at,"
            + " provider_message_id = coalesce(m.provider_message_id, b.provider_id), error_code = coalesce(b.error_code, m.error_code),"
            + " error_message = coalesce(b.error_message, m.error_message)"
            + " from removed r join batch b on b.tenant_id = r.tenant_id and b.message_id = r.message_id"
            + " where m.tenant_id = r.tenant_id and m.id = r.message_id and m.status = any(b.movable_from) returning " + MESSAGE + ")"
            + " select * from moved union all select " + MESSAGE + " from messages m join removed r on m.tenant_id = r.tenant_id"
            + " and m.id = r.message_id where (r.tenant_id, r.message_id) not in (select v.tenant_id, v.id from moved v)";

    private DeliveryStatements() {
    }

    /**
     * Claims up to {@code limit} due entries for the worker, in due order: unclaimed ones, and those whose lease
     * ended at or before {@code abandonedBefore}, which come back in doubt. PostgreSQL picks and claims them in one
     * statement; elsewhere the picked rows, locked, are claimed by a batch of updates in the same transaction.
     */
    static List<OutboxEntry> claim(Connection connection, DatabaseVendor vendor, Instant now, int limit, String workerId,
                                   Instant leaseUntil, Instant abandonedBefore) throws SQLException {
        List<OutboxEntry> claimed = new ArrayList<>(limit);
        OffsetDateTime at = timestamp(now);
        OffsetDateTime until = timestamp(leaseUntil);
        OffsetDateTime abandoned = timestamp(abandonedBefore);
        if (vendor == DatabaseVendor.POSTGRESQL) {
            try (PreparedStatement claim = connection.prepareStatement(claimAtOnce(limit))) {
                claim.setString(1, workerId);
                claim.setObject(2, until);
                claim.setObject(3, at);
                claim.setObject(4, abandoned);
                readEntries(claim.executeQuery(), workerId, until, claimed);
            }
        } else {
            try (PreparedStatement due = connection.prepareStatement(due(limit)); PreparedStatement claim = connection.prepareStatement(CLAIM_ONE)) {
                due.setObject(1, at);
                due.setObject(2, abandoned);
                readEntries(due.executeQuery(), workerId, until, claimed);
                for (OutboxEntry entry : claimed) {
                    claim.setString(1, workerId);
                    claim.setObject(2, until);
                    claim.setString(3, entry.tenantId());
                    claim.setString(4, entry.messageId());
                    claim.addBatch();
                }
                claim.executeBatch();
            }
        }
        claimed.sort(Comparator.comparing(OutboxEntry::dueAt).thenComparing(OutboxEntry::messageId));
        return claimed;
    }

    private static void readEntries(ResultSet rs, String workerId, OffsetDateTime until, List<OutboxEntry> into) throws SQLException {
        try (rs) {
            while (rs.next()) {
                into.add(new OutboxEntry(rs.getString("tenant_id"), rs.getString("message_id"),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts"), workerId, until.toInstant(),
                        rs.getObject("previous_lease") != null));
            }
        }
    }

    /** The messages with their conversations and contacts, in one query; ids of no message are left out. */
    static Map<String, OutgoingMessage> outgoing(Connection connection, String tenantId, List<String> messageIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(OUTGOING)) {
            select.setString(1, tenantId);
            select.setArray(2, connection.createArrayOf("varchar", messageIds.toArray()));
            Map<String, OutgoingMessage> found = new LinkedHashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Message message = Records.message(EntityRows.message(rs, 1));
                    found.put(message.id(), new OutgoingMessage(message, Records.conversation(EntityRows.conversation(rs, CONVERSATION_FIRST)),
                            Records.contact(EntityRows.contact(rs, CONTACT_FIRST))));
                }
            }
            return found;
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return micros(instant).atOffset(ZoneOffset.UTC);
    }

    /** A delivery update for one message. */
    record Move(String tenantId, String messageId, DeliveryUpdate update) {
    }

    /**
     * Removes the completions' outbox entries that are still claimed by the completing worker.
     *
     * @return per completion, in order, whether its entry was removed
     */
    static boolean[] removeClaimed(Connection connection, List<Completion> completions) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(REMOVE_CLAIMED)) {
            for (Completion completion : completions) {
                delete.setString(1, completion.entry().tenantId());
                delete.setString(2, completion.entry().messageId());
                delete.setString(3, completion.entry().workerId());
                delete.addBatch();
            }
            return changedOneRow(delete.executeBatch());
        }
    }

    /**
     * Applies each update where the stored status may move to it, decided by the database in the same
     * statement, so racing callbacks cannot move a status backwards.
     *
     * @return per move, in order, whether the message's status moved
     */
    static boolean[] move(Connection connection, List<Move> moves) throws SQLException {
        boolean[] moved = new boolean[moves.size()];
        Map<DeliveryStatus, List<Integer>> byTarget = new LinkedHashMap<>();
        for (int i = 0; i < moves.size(); i++) {
            byTarget.computeIfAbsent(moves.get(i).update().status(), s -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<DeliveryStatus, List<Integer>> target : byTarget.entrySet()) {
            String sql = moveSql(target.getKey());
            if (sql == null) {
                continue;
            }
            List<Integer> indexes = target.getValue();
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (int index : indexes) {
                    bind(update, moves.get(index));
                    update.addBatch();
                }
                boolean[] changed = changedOneRow(update.executeBatch());
                for (int i = 0; i < indexes.size(); i++) {
                    moved[indexes.get(i)] = changed[i];
                }
            }
        }
        return moved;
    }

    /** The conditional update for moves to {@code target}; null when no status may move to it. */
    private static @Nullable String moveSql(DeliveryStatus target) {
        List<String> from = movableFrom(target);
        if (from.isEmpty()) {
            return null;
        }
        // Wire names are fixed identifiers of an enum, so they are written into the SQL as literals.
        return "update messages set status = ?, status_at = ?, provider_message_id = coalesce(provider_message_id, ?),"
                + " error_code = coalesce(?, error_code), error_message = coalesce(?, error_message)"
                + " where tenant_id = ? and id = ? and status in (" + from.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ")) + ")";
    }

    /** The wire names of the statuses a message may move to {@code target} from. */
    private static List<String> movableFrom(DeliveryStatus target) {
        return Arrays.stream(DeliveryStatus.values()).filter(from -> from.canMoveTo(target)).map(DeliveryStatus::wireName).toList();
    }

    /**
     * PostgreSQL: removes the entries still claimed by their workers and moves their messages' statuses where
     * they may move, in one statement, the batch travelling as one JSON parameter.
     *
     * @return the messages of the removed entries as they are after the statement
     */
    static List<MessageEntity> completeInOneStatement(Connection connection, List<Completion> completions) throws SQLException {
        List<Map<String, @Nullable Object>> batch = new ArrayList<>(completions.size());
        for (Completion completion : completions) {
            DeliveryUpdate u = completion.update();
            Map<String, @Nullable Object> row = new HashMap<>();
            row.put("tenant_id", completion.entry().tenantId());
            row.put("message_id", completion.entry().messageId());
            row.put("worker_id", completion.entry().workerId());
            row.put("status", u.status().wireName());
            row.put("at", micros(u.at()).toString());
            row.put("provider_id", u.providerMessageId());
            row.put("error_code", u.errorCode());
            row.put("error_message", u.errorMessage());
            row.put("movable_from", movableFrom(u.status()));
            batch.add(row);
        }
        try (PreparedStatement complete = connection.prepareStatement(COMPLETE_IN_ONE_STATEMENT)) {
            complete.setString(1, Json.write(batch));
            try (ResultSet rs = complete.executeQuery()) {
                List<MessageEntity> messages = new ArrayList<>(completions.size());
                while (rs.next()) {
                    messages.add(EntityRows.message(rs, 1));
                }
                return messages;
            }
        }
    }

    private static void bind(PreparedStatement update, Move move) throws SQLException {
        DeliveryUpdate u = move.update();
        update.setString(1, u.status().wireName());
        update.setObject(2, timestamp(u.at()));
        setNullableString(update, 3, u.providerMessageId());
        setNullableString(update, 4, u.errorCode());
        setNullableString(update, 5, u.errorMessage());
        update.setString(6, move.tenantId());
        update.setString(7, move.messageId());
    }

    private static void setNullableString(PreparedStatement statement, int index, @Nullable String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static boolean[] changedOneRow(int[] counts) {
        boolean[] changed = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            changed[i] = counts[i] == 1;
        }
        return changed;
    }
}
