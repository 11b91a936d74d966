package dev.threadline.benchmarks;

import dev.threadline.messaging.jpa.JpaConversationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The conversation list's data set: one tenant with {@code n} conversations of ten messages each,
 * written with COPY into the store's own tables and kept across runs (a {@code bench_seeds} row records
 * that a tenant is complete). Names, channels, statuses, unread counts and activity times vary the way a
 * busy inbox's do; the random source is seeded, so every run sees the same data. The store recounts the
 * tenant's list totals afterwards, since it cannot see rows written around it.
 */
final class ListSeed {

    static final String OUR_NUMBER = "+15550000000";
    /** One last name in 25: the text search term, matching about 4% of conversations by name. */
    static final String SEARCH_TERM = "okafor";

    private static final String[] FIRST = {"Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Iris", "Jamal",
            "Kira", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tara"};
    private static final String[] LAST = {"Garcia", "Smith", "Nguyen", "Kim", "Patel", "Rossi", "Muller", "Silva", "Cohen", "Novak",
            "Okafor", "Jensen", "Dubois", "Tanaka", "Haddad", "Kowalski", "Moreau", "Olsen", "Reyes", "Fischer", "Lopez", "Brown",
            "Ivanova", "Walsh", "Sato"};
    private static final String[] TREATMENTS = {"botox", "lip filler", "hydrafacial", "laser hair removal", "chemical peel",
            "microneedling", "massage", "brow lamination"};
    private static final String[] CUSTOMER_LINES = {"Hi, how much is %s?", "Can I book %s for next Tuesday?",
            "Do you have anything open this week for %s?", "Is %s safe during pregnancy?", "Running 10 minutes late for my %s",
            "Thanks! See you then", "What should I do before %s?", "Can I move my %s to the afternoon?"};
    private static final String[] STAFF_LINES = {"Happy to help! %s starts at $120.", "We have Tuesday at 3pm for %s, shall I book it?",
            "You're booked for %s. See you soon!", "No problem, we'll hold your %s slot.", "Please avoid retinol 3 days before %s."};

    private ListSeed() {
    }

    static String tenant(int conversations) {
        return "list-" + conversations;
    }

    /** Seeds the list tenant of {@code conversations} conversations of ten messages each, unless it is there already. */
    static void ensure(DataSource pool, JpaConversationStore store, int conversations) throws Exception {
        ensure(pool, store, tenant(conversations), conversations, Scale.MESSAGES_PER_LISTED_CONVERSATION);
    }

    /** Seeds {@code tenant} with {@code conversations} of {@code perConversation} messages each, unless it is there already. */
    static void ensure(DataSource pool, JpaConversationStore store, String tenant, int conversations, int perConversation)
            throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS bench_seeds (tenant_id text PRIMARY KEY, conversations int NOT NULL, seeded_at timestamptz NOT NULL)");
            try (PreparedStatement find = c.prepareStatement("SELECT 1 FROM bench_seeds WHERE tenant_id = ?")) {
                find.setString(1, tenant);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        System.out.println("  reusing the seeded tenant " + tenant);
                        return;
                    }
                }
            }
            long start = System.nanoTime();
            for (String table : new String[] {"messages", "conversations", "contacts"}) {
                try (PreparedStatement clear = c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ?")) {
                    clear.setString(1, tenant);
                    clear.executeUpdate();
                }
            }
            seed(c, tenant, conversations, perConversation);
            store.recountTotals(tenant);
            try (PreparedStatement done = c.prepareStatement("INSERT INTO bench_seeds VALUES (?, ?, now())")) {
                done.setString(1, tenant);
                done.setInt(2, conversations);
                done.executeUpdate();
            }
            st.execute("VACUUM ANALYZE contacts");
            st.execute("VACUUM ANALYZE conversations");
            st.execute("VACUUM ANALYZE messages");
            System.out.printf("  seeded %s: %,d conversations, %,d messages in %d s%n", tenant, conversations,
                    (long) conversations * perConversation, (System.nanoTime() - start) / 1_000_000_000L);
        }
    }

    private record Shape(String name, String phone, String email, String channel, String status, Instant lastActivity,
                         int unread, String treatment) {
    }

    private static Shape shape(String tenant, int i) {
        SplittableRandom r = new SplittableRandom(tenant.hashCode() * 1_000_003L + i);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        int kind = r.nextInt(10);
        String channel = kind < 7 ? "sms" : kind < 9 ? "email" : "whatsapp";
        int state = r.nextInt(20);
        String status = state < 16 ? "active" : state < 19 ? "completed" : "archived";
        Instant lastActivity = Instant.parse("2026-11-01T00:00:00Z").minus(r.nextLong(180L * 24 * 3600 * 1_000_000), ChronoUnit.MICROS);
        int unread = r.nextInt(10) < 3 ? 1 + r.nextInt(3) : 0;
        return new Shape(first + " " + last, String.format("+1555%07d", i), (first + "." + last + i + "@example.com").toLowerCase(),
                channel, status, lastActivity, unread, TREATMENTS[r.nextInt(TREATMENTS.length)]);
    }

    private static String line(int conversation, int message, String treatment) {
        String[] lines = message % 2 == 0 ? CUSTOMER_LINES : STAFF_LINES;
        return String.format(lines[(conversation + message) % lines.length], treatment);
    }

    private static void seed(Connection c, String tenant, int n, int perConversation) throws Exception {
        Copy.rows(c, "contacts", "tenant_id, id, name, phone, email, created_at", n, i -> {
            Shape s = shape(tenant, i);
            return String.join(",", tenant, "ct-" + i, Copy.q(s.name()), s.phone(), s.email(), s.lastActivity().minus(30, ChronoUnit.DAYS).toString()) + "\n";
        });
        Copy.rows(c, "conversations", "tenant_id, id, channel, contact_id, customer_name, customer_phone, customer_email, our_address,"
                + " thread_key, status, subject, headline, initiated_at, last_activity_at, message_count, unread_count, last_message_preview",
                n, i -> {
                    Shape s = shape(tenant, i);
                    boolean email = s.channel().equals("email");
                    return String.join(",", tenant, String.format("cv-%07d", i), s.channel(), "ct-" + i, Copy.q(s.name()),
                            email ? "" : s.phone(), email ? s.email() : "", OUR_NUMBER, s.channel() + "|" + i, s.status(),
                            email ? Copy.q("Question about " + s.treatment()) : "", Copy.q("Wants to book " + s.treatment()),
                            s.lastActivity().minus(perConversation, ChronoUnit.HOURS).toString(), s.lastActivity().toString(),
                            Integer.toString(perConversation), Integer.toString(s.unread()),
                            Copy.q(line(i, perConversation - 1, s.treatment()))) + "\n";
                });
        Copy.rows(c, "messages", "tenant_id, id, conversation_id, channel, direction, author, body, status, created_at, status_at",
                n * perConversation, k -> {
                    int i = k / perConversation;
                    int m = k % perConversation;
                    Shape s = shape(tenant, i);
                    boolean inbound = m % 2 == 0;
                    String at = s.lastActivity().minus(perConversation - 1 - m, ChronoUnit.HOURS).toString();
                    return String.join(",", tenant, String.format("m-%07d-%02d", i, m), String.format("cv-%07d", i), s.channel(),
                            inbound ? "inbound" : "outbound", inbound ? "customer" : "staff", Copy.q(line(i, m, s.treatment())),
                            inbound ? "received" : "delivered", at, at) + "\n";
                });
    }
}
