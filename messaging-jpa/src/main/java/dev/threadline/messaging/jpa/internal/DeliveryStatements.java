package dev.threadline.messaging.jpa.internal;

import static dev.threadline.messaging.jpa.internal.Records.micros;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.spi.OutboxStore.Completion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * The writes that end deliveries, as JDBC batches: a delivery worker ends fifty sends at a time, and the
 * PostgreSQL driver sends a whole batch in one round trip, where one statement per message cost a round
 * trip each. Plain JDBC because Hibernate executes native updates one by one.
 */
final class DeliveryStatements {

    private static final String REMOVE_CLAIMED = "delete from outbox where tenant_id = ? and message_id = ? and worker_id = ?";

    /** The main query sees the messages as they were before the statement, which are the unmoved ones' current rows. */
    private static final String COMPLETE_IN_ONE_STATEMENT = "with batch as (select * from json_to_recordset(cast(:batch as json))"
            + " as b(tenant_id text, message_id text, worker_id text, status text, at timestamptz, provider_id text,"
            + " error_code text, error_message text, movable_from text[])),"
            + " removed as (delete from outbox o using batch b where o.tenant_id = b.tenant_id and o.message_id = b.message_id"
            + " and o.worker_id = b.worker_id returning o.tenant_id, o.message_id),"
            + " moved as (update messages m set status = b.status, status_at = b.at,"
            + " provider_message_id = coalesce(b.provider_id, m.provider_message_id), error_code = coalesce(b.error_code, m.error_code),"
            + " error_message = coalesce(b.error_message, m.error_message)"
            + " from removed r join batch b on b.tenant_id = r.tenant_id and b.message_id = r.message_id"
            + " where m.tenant_id = r.tenant_id and m.id = r.message_id and m.status = any(b.movable_from) returning m.*)"
            + " select * from moved union all select m.* from messages m join removed r on m.tenant_id = r.tenant_id"
            + " and m.id = r.message_id where not exists (select 1 from moved v where v.tenant_id = r.tenant_id and v.id = r.message_id)";

    private DeliveryStatements() {
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
        return "update messages set status = ?, status_at = ?, provider_message_id = coalesce(?, provider_message_id),"
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
    static List<MessageEntity> completeInOneStatement(Session s, List<Completion> completions) {
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
        return s.createNativeQuery(COMPLETE_IN_ONE_STATEMENT, MessageEntity.class).setParameter("batch", Json.write(batch)).getResultList();
    }

    private static void bind(PreparedStatement update, Move move) throws SQLException {
        DeliveryUpdate u = move.update();
        update.setString(1, u.status().wireName());
        update.setObject(2, micros(u.at()).atOffset(ZoneOffset.UTC));
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
