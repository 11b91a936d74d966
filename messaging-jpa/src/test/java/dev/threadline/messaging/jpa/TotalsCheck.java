package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Checks the conversation list's totals, which the store keeps in {@code conversation_totals}, against
 * {@code count(*)} over the {@code conversations} table itself; and writes conversations with plain SQL,
 * as a bulk load outside the store would.
 */
final class TotalsCheck {

    /** Every channel the checks filter by; no test opens a voice conversation, so its totals must be zero. */
    private static final List<ChannelId> CHANNELS = List.of(ChannelId.SMS, ChannelId.EMAIL, ChannelId.WHATSAPP, ChannelId.VOICE);

    private TotalsCheck() {
    }

    /** Asserts that the list's total equals the conversations counted in SQL, under every filter combination. */
    static void assertTotalsMatchCounts(JpaConversationStore store, DataSource dataSource, String tenant) {
        Map<String, Long> listed = new LinkedHashMap<>();
        Map<String, Long> counted = new LinkedHashMap<>();
        List<ChannelId> channels = new ArrayList<>(CHANNELS);
        channels.add(null);
        List<ConversationStatus> statuses = new ArrayList<>(Arrays.asList(ConversationStatus.values()));
        statuses.add(null);
        for (ChannelId channel : channels) {
            for (ConversationStatus status : statuses) {
                for (boolean unreadOnly : new boolean[] {false, true}) {
                    String filter = "channel=" + channel + " status=" + status + " unreadOnly=" + unreadOnly;
                    ConversationQuery query = ConversationQuery.all().withChannel(channel).withStatus(status).withUnreadOnly(unreadOnly);
                    listed.put(filter, store.listConversations(tenant, query).total());
                    counted.put(filter, count(dataSource, tenant, channel, status, unreadOnly));
                }
            }
        }
        assertThat(listed).isEqualTo(counted);
    }

    private static long count(DataSource dataSource, String tenant, @Nullable ChannelId channel, @Nullable ConversationStatus status,
                              boolean unreadOnly) {
        String sql = "select count(*) from conversations where tenant_id = ?" + (channel != null ? " and channel = ?" : "")
                + (status != null ? " and status = ?" : " and status <> 'spam'") + (unreadOnly ? " and unread_count > 0" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            int p = 1;
            st.setString(p++, tenant);
            if (channel != null) {
                st.setString(p++, channel.value());
            }
            if (status != null) {
                st.setString(p, status.wireName());
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /** The tenant's rows of {@code conversation_totals}: "channel/slot" to its counts in column order. */
    static Map<String, List<Long>> totalsRows(DataSource dataSource, String tenant) {
        Map<String, List<Long>> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("select * from conversation_totals where tenant_id = ?")) {
            st.setString(1, tenant);
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Long> counts = new ArrayList<>();
                    for (int i = 4; i <= columns; i++) {
                        counts.add(rs.getLong(i));
                    }
                    rows.put(rs.getString("channel") + "/" + rs.getInt("slot"), counts);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read conversation_totals", e);
        }
        return rows;
    }

    /** Inserts a contact and its conversation with plain SQL, bypassing the store and its totals. */
    static void insertConversation(DataSource dataSource, String tenant, String id, ChannelId channel, ConversationStatus status,
                                   long unreadCount) {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-02T09:00:00Z");
        try (Connection c = dataSource.getConnection();
             PreparedStatement contact = c.prepareStatement("insert into contacts (tenant_id, id, created_at) values (?, ?, ?)");
             PreparedStatement conversation = c.prepareStatement("insert into conversations (tenant_id, id, channel, contact_id,"
                     + " thread_key, status, initiated_at, last_activity_at, unread_count)"
                     + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            contact.setString(1, tenant);
            contact.setString(2, "contact-" + id);
            contact.setObject(3, at);
            contact.executeUpdate();
            conversation.setString(1, tenant);
            conversation.setString(2, id);
            conversation.setString(3, channel.value());
            conversation.setString(4, "contact-" + id);
            conversation.setString(5, channel.value() + "|" + id);
            conversation.setString(6, status.wireName());
            conversation.setObject(7, at);
            conversation.setObject(8, at);
            conversation.setLong(9, unreadCount);
            conversation.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert conversation " + id, e);
        }
    }
}
