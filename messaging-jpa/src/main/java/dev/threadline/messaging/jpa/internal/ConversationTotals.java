package dev.threadline.messaging.jpa.internal;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.Direction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.jspecify.annotations.Nullable;

/**
 * The table {@code conversation_totals}: per tenant, channel and slot, how many conversations have each
 * status and how many of those have unread messages, so the list's total without a text search is a sum
 * over a few rows instead of a count over the tenant's conversations (see the V2 migration).
 *
 * <p>The store moves the counts in the transaction of the change they count, as that transaction's last
 * statement: holding a count row's lock, a transaction waits for nothing more, so count rows never take
 * part in a deadlock. A conversation always counts in the slot of its id, so concurrent writers in one
 * tenant spread over 16 rows, and a status change moves one row. Every write adds to what the row holds,
 * inserting it when missing, so writes to one row compose in any order.
 */
public final class ConversationTotals {

    private static final List<ConversationStatus> STATUSES = List.of(ConversationStatus.values());
    /**
     * Two per status, in {@link #STATUSES} order: its conversations, then those of them with unread messages.
     * A new {@link ConversationStatus} needs its two columns added by a migration.
     */
    private static final List<String> COUNTS = STATUSES.stream()
            .flatMap(status -> Stream.of(column(status, false), column(status, true))).toList();
    private static final List<String> KEY = List.of("tenant_id", "channel", "slot");
    private static final List<String> COLUMNS = Stream.concat(KEY.stream(), COUNTS.stream()).toList();

    /** Adds one conversation's change: parameters tenant, channel, slot, then one per {@link #COUNTS}. */
    private final String addChange;
    /** Adds a tenant's counts computed from its conversations: parameter tenant. */
    private final String addRecount;

    public ConversationTotals(DatabaseVendor vendor) {
        String change = "select cast(? as varchar(64)) as tenant_id, cast(? as varchar(32)) as channel, cast(? as smallint) as slot, "
                + joined(COUNTS, c -> "cast(? as bigint) as " + c, ", ");
        String slot = slotOf(vendor);
        String recount = "select tenant_id, channel, " + slot + " as slot, "
                + STATUSES.stream().flatMap(status -> Stream.of(
                        "count(*) filter (where status = '" + status.wireName() + "') as " + column(status, false),
                        "count(*) filter (where status = '" + status.wireName() + "' and unread_count > 0) as " + column(status, true)))
                        .collect(Collectors.joining(", "))
                + " from conversations where tenant_id = ? group by tenant_id, channel, " + slot;
        this.addChange = adding(vendor, change);
        this.addRecount = adding(vendor, recount);
    }

    private static String column(ConversationStatus status, boolean unread) {
        return status.wireName() + (unread ? "_unread" : "") + "_conversations";
    }

    /** The slot of the row's {@code id} in SQL, as {@link #slot(String)} computes it. */
    private static String slotOf(DatabaseVendor vendor) {
        String sha256Hex = vendor == DatabaseVendor.POSTGRESQL ? "encode(sha256(convert_to(id, 'UTF8')), 'hex')"
                : "lower(rawtohex(hash('SHA-256', id)))";
        return "position(right(" + sha256Hex + ", 1) in '0123456789abcdef') - 1";
    }

    /** Adds the rows of {@code source}, which has the table's columns, to the counts, inserting missing rows. */
    private static String adding(DatabaseVendor vendor, String source) {
        if (vendor == DatabaseVendor.POSTGRESQL) {
            return "insert into conversation_totals as t (" + String.join(", ", COLUMNS) + ") " + source
                    + " on conflict (" + String.join(", ", KEY) + ") do update set "
                    + joined(COUNTS, c -> c + " = t." + c + " + excluded." + c, ", ");
        }
        return "merge into conversation_totals t using (" + source + ") d on " + joined(KEY, c -> "t." + c + " = d." + c, " and ")
                + " when matched then update set " + joined(COUNTS, c -> c + " = t." + c + " + d." + c, ", ")
                + " when not matched then insert (" + String.join(", ", COLUMNS) + ") values (" + joined(COLUMNS, c -> "d." + c, ", ") + ")";
    }

    private static String joined(List<String> columns, Function<String, String> each, String separator) {
        return columns.stream().map(each).collect(Collectors.joining(separator));
    }

    /** The slot a conversation counts in: the last hex digit of the SHA-256 of its id's UTF-8 bytes, 0 to 15. */
    static int slot(String conversationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(conversationId.getBytes(StandardCharsets.UTF_8));
            return digest[digest.length - 1] & 0x0F;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** What the totals count a conversation as. */
    record Counted(String status, boolean unread) {
        static Counted of(ConversationEntity e) {
            return new Counted(e.status, e.unreadCount > 0);
        }
    }

    /**
     * Moves the counts from what the conversation counted as ({@code before}; null when it is new) to what
     * it is now, if that differs. Flushes the session first, so the count row is the transaction's last lock.
     */
    void move(Session s, ConversationEntity now, @Nullable Counted before) {
        long[] change = new long[COUNTS.size()];
        count(change, Counted.of(now), 1);
        if (before != null) {
            count(change, before, -1);
        }
        if (Arrays.stream(change).allMatch(c -> c == 0)) {
            return;
        }
        s.flush();
        s.doWork(connection -> add(connection, now, change));
    }

    /**
     * Counts a message appended to {@code moved} (the conversation as the append left it): only an inbound
     * message into a conversation with nothing unread changes a count.
     */
    void appended(Session s, ConversationEntity moved, Direction direction) {
        if (direction == Direction.INBOUND && moved.unreadCount == 1) {
            move(s, moved, new Counted(moved.status, false));
        }
    }

    private static void count(long[] change, Counted counted, long by) {
        int status = STATUSES.indexOf(ConversationStatus.fromWire(counted.status(), "status"));
        change[2 * status] += by;
        if (counted.unread()) {
            change[2 * status + 1] += by;
        }
    }

    private void add(Connection connection, ConversationEntity conversation, long[] change) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(addChange)) {
            add.setString(1, conversation.tenantId);
            add.setString(2, conversation.channel);
            add.setInt(3, slot(conversation.id));
            for (int i = 0; i < change.length; i++) {
                add.setLong(4 + i, change[i]);
            }
            try {
                add.executeUpdate();
            } catch (SQLException e) {
                // Only H2 gets here: its MERGE inserts a missing row without waiting for a racing insert of the
                // same row, and loses on the key. The row is there now, and H2 undid just this statement.
                if (!Failures.isUniqueViolation(e)) {
                    throw e;
                }
                add.executeUpdate();
            }
        }
    }

    /** The tenant's conversations on {@code channel} (any when null) with {@code status} (any when null). */
    long total(Session s, String tenantId, @Nullable ChannelId channel, @Nullable ConversationStatus status, boolean unreadOnly) {
        return s.doReturningWork(connection -> {
            try (PreparedStatement total = connection.prepareStatement(totalQuery(channel, status, unreadOnly))) {
                total.setString(1, tenantId);
                if (channel != null) {
                    total.setString(2, channel.value());
                }
                try (ResultSet rs = total.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * The query behind {@link #total}, to run on its own or as a scalar subquery: its parameters are the
     * tenant, then the channel when one is given.
     */
    static String totalQuery(@Nullable ChannelId channel, @Nullable ConversationStatus status, boolean unreadOnly) {
        // Without a status the list shows every conversation but spam, which it shows only when asked for.
        String counts = STATUSES.stream().filter(st -> status == null ? st != ConversationStatus.SPAM : st == status)
                .map(st -> column(st, unreadOnly)).collect(Collectors.joining(" + "));
        return "select coalesce(sum(" + counts + "), 0) from conversation_totals where tenant_id = ?"
                + (channel != null ? " and channel = ?" : "");
    }

    /**
     * Rebuilds the tenant's counts from its conversations. The recount is added rather than inserted: on
     * PostgreSQL, a writer that inserts a count row after the delete and commits while the recount runs is
     * outside the recount's snapshot, and its count stays in the row.
     */
    void recount(Session s, String tenantId) {
        s.doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from conversation_totals where tenant_id = ?");
                 PreparedStatement add = connection.prepareStatement(addRecount)) {
                delete.setString(1, tenantId);
                delete.executeUpdate();
                add.setString(1, tenantId);
                add.executeUpdate();
            }
        });
    }
}
