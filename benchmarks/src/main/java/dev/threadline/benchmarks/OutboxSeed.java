package dev.threadline.benchmarks;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/** Queued outbound SMS messages for a fresh tenant: contacts, conversations, messages and their outbox rows, by COPY. */
final class OutboxSeed {

    private static final int CONVERSATIONS = 500;

    private OutboxSeed() {
    }

    /** Empties the outbox (of earlier, aborted runs too) and queues {@code messages} messages for {@code tenant}. */
    static void queue(DataSource pool, String tenant, int messages) throws Exception {
        Instant due = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM outbox");
            Copy.rows(c, "contacts", "tenant_id, id, phone, created_at", CONVERSATIONS,
                    i -> String.join(",", tenant, "ct-" + i, String.format("+1555%07d", i), due.toString()) + "\n");
            Copy.rows(c, "conversations", "tenant_id, id, channel, contact_id, customer_name, customer_phone, our_address, thread_key,"
                    + " status, initiated_at, last_activity_at", CONVERSATIONS,
                    i -> String.join(",", tenant, "cv-" + i, "sms", "ct-" + i, "Customer " + i, String.format("+1555%07d", i),
                            ListSeed.OUR_NUMBER, "sms|" + i, "active", due.toString(), due.toString()) + "\n");
            Copy.rows(c, "messages", "tenant_id, id, conversation_id, channel, direction, author, body, status, created_at, status_at",
                    messages, i -> String.join(",", tenant, String.format("m-%08d", i), "cv-" + (i % CONVERSATIONS), "sms", "outbound",
                            "staff", "Reminder: your appointment is tomorrow at 3pm. Reply C to confirm.", "queued", due.toString(),
                            due.toString()) + "\n");
            Copy.rows(c, "outbox", "tenant_id, message_id, due_at", messages,
                    i -> String.join(",", tenant, String.format("m-%08d", i), due.plusNanos(i * 1000L).toString()) + "\n");
            // Each side starts from an outbox without the dead rows of the side before, whose index entries its
            // claims would otherwise step over, and with statistics as autovacuum would soon have them: without
            // them the planner takes the freshly copied tenant for one row, and looking up its messages by id
            // walks the tenant's whole conversation index.
            st.execute("VACUUM ANALYZE outbox");
            st.execute("ANALYZE contacts, conversations, messages");
        }
    }
}
