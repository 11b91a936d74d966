package dev.threadline.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.ai.chat.memory.repository.jdbc.PostgresChatMemoryRepositoryDialect;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Item 4: the history an AI reply is built from. Append one message to a conversation holding N
 * messages and load the last 50: Threadline's store ({@code append} + {@code recentMessages}) against
 * Spring AI's {@link JdbcChatMemoryRepository} behind a {@link MessageWindowChatMemory} of N messages,
 * which reads the whole window and rewrites it on every add. Our appended message is deleted again,
 * untimed, so both conversations stay at N.
 */
final class ChatHistoryBenchmark {

    private static final int CONTEXT = 50;
    private static final int[] SIZES = {10, 100, 1_000};
    private static final String BODY = "Could you remind me what the aftercare is for lip filler?";

    private final Scale scale;
    private final Report report;
    private final String tenant = "history-" + System.currentTimeMillis();
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator();

    ChatHistoryBenchmark(Scale scale, Report report) {
        this.scale = scale;
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("Chat history for AI context");
        try (HikariDataSource pool = BenchDatabase.pool(2, "bench-history");
             JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build()) {
            springAiSchema(pool);
            JdbcChatMemoryRepository repository = JdbcChatMemoryRepository.builder().jdbcTemplate(new JdbcTemplate(pool))
                    .dialect(new PostgresChatMemoryRepositoryDialect()).build();
            double oursAtSmallest = 0;
            for (int size : SIZES) {
                String conversation = ourConversation(store, size);
                String memoryId = UUID.randomUUID().toString();
                ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(repository).maxMessages(size).build();
                List<org.springframework.ai.chat.messages.Message> window = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    window.add(new UserMessage(BODY + " #" + i));
                }
                repository.saveAll(memoryId, window);
                AtomicReference<String> appended = new AtomicReference<>();
                System.out.println(" conversation of " + size + " messages");
                List<Measured> m = Comparison.latency(scale, List.of(
                        new Side("store.append + recentMessages(50)", t -> {
                            Message message = message(conversation);
                            store.append(message, null);
                            appended.set(message.id());
                            requireSize(store.recentMessages(tenant, conversation, CONTEXT), Math.min(CONTEXT, size + 1));
                        }, t -> deleteMessage(pool, appended.get())),
                        new Side("MessageWindowChatMemory.add + get, last 50", t -> {
                            memory.add(memoryId, new UserMessage(BODY));
                            List<org.springframework.ai.chat.messages.Message> all = memory.get(memoryId);
                            requireSize(all.subList(Math.max(0, all.size() - CONTEXT), all.size()), Math.min(CONTEXT, size));
                        })));
                double ours = m.get(0).p50();
                double spring = m.get(1).p50();
                if (size == SIZES[0]) {
                    oursAtSmallest = ours;
                }
                String figure = "4. append + last 50, conversation of " + String.format("%,d", size) + ": p50";
                if (size == 1_000) {
                    report.row(figure + " (speed-up over Spring AI)", Report.millis(ours), Report.millis(spring), spring / ours, "≥ 10×",
                            spring / ours >= 10);
                    report.row("4. cost per append, 1,000 vs 10 messages (ours, p50)", Report.millis(ours), Report.millis(oursAtSmallest),
                            ours / oursAtSmallest, "flat (≤ 1.5×)", ours / oursAtSmallest <= 1.5);
                } else {
                    report.info(figure + " (speed-up over Spring AI)", Report.millis(ours), Report.millis(spring),
                            String.format("%.2f×", spring / ours));
                }
            }
        }
    }

    private static void requireSize(List<?> history, int expected) {
        if (history.size() != expected) {
            throw new IllegalStateException("loaded " + history.size() + " messages, expected " + expected);
        }
    }

    private String ourConversation(JpaConversationStore store, int size) {
        Instant now = Instant.now();
        String phone = String.format("+1555%07d", 2_000_000 + size);
        var contact = store.upsertContact(tenant, phone, null, "History " + size);
        Conversation conversation = store.openConversation(new Conversation(ids.newId(), tenant, ChannelId.SMS, contact.id(),
                contact.name(), phone, null, ListSeed.OUR_NUMBER, "sms|history|" + size, ConversationStatus.ACTIVE, null, null, now, now,
                0, 0, null, null, "default", null, null, null, Map.of(), 0));
        for (int i = 0; i < size; i++) {
            store.append(message(conversation.id()), null);
        }
        return conversation.id();
    }

    private Message message(String conversationId) {
        Instant now = Instant.now();
        return new Message(ids.newId(), tenant, conversationId, ChannelId.SMS, Direction.INBOUND, Author.CUSTOMER, BODY, null,
                List.of(), null, null, DeliveryStatus.RECEIVED, now, now, null, null, Map.of());
    }

    private void deleteMessage(HikariDataSource pool, String id) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement("DELETE FROM messages WHERE tenant_id = ? AND id = ?")) {
            st.setString(1, tenant);
            st.setString(2, id);
            st.executeUpdate();
        }
    }

    /** The table Spring AI documents for PostgreSQL, from its own jar, emptied. */
    private static void springAiSchema(HikariDataSource pool) throws Exception {
        String sql;
        try (InputStream in = Objects.requireNonNull(JdbcChatMemoryRepository.class.getResourceAsStream("schema-postgresql.sql"),
                "Spring AI's PostgreSQL schema")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            for (String statement : sql.split(";")) {
                if (!statement.isBlank()) {
                    st.execute(statement);
                }
            }
            // Windows of earlier runs would only slow the baseline down: each run starts it on an empty table.
            st.execute("TRUNCATE SPRING_AI_CHAT_MEMORY");
        }
    }
}
