package dev.threadline.messaging.spring.ai;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * Threadline conversations of one tenant as Spring AI's {@link ChatMemoryRepository}, append-only: the
 * memory of a conversation is its customer messages (as user messages) and our replies (as assistant
 * messages), plus whatever Spring AI saved that Threadline did not already hold, recorded as
 * {@value #MEMORY_EVENT} conversation events. A save never rewrites or drops history, so the store keeps a
 * durable full record, while reads return only the newest {@code window} entries, which keeps prompts
 * bounded as a windowed {@code ChatMemory} expects. A delete records a {@value #CLEARED_EVENT} marker after
 * which the memory reads empty, while the history stays in the store.
 *
 * <p>Conversation ids are Threadline conversation ids; saving to an unknown one fails with {@code not_found}.
 * System messages are the app's prompt, not conversation history, and are not stored.
 */
public final class ThreadlineChatMemoryRepository implements ChatMemoryRepository {

    /** Event type of a message saved by Spring AI; data: {@code role} ({@code user}, {@code assistant}), {@code text}. */
    public static final String MEMORY_EVENT = "spring_ai.memory";
    /** Event type marking that the memory was cleared; earlier entries are no longer read. */
    public static final String CLEARED_EVENT = "spring_ai.memory_cleared";

    private final MessageManager manager;
    private final String tenantId;
    private final int window;

    /**
     * @param tenantId the tenant whose conversations this repository reads and writes
     * @param window most entries a read returns (the newest ones)
     */
    public ThreadlineChatMemoryRepository(MessageManager manager, String tenantId, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        this.manager = Objects.requireNonNull(manager, "manager");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.window = window;
    }

    @Override
    public List<String> findConversationIds() {
        List<String> found = new ArrayList<>();
        ConversationQuery query = ConversationQuery.all().withPage(1, ConversationQuery.MAX_PAGE_SIZE);
        while (true) {
            ConversationPage page = manager.listConversations(tenantId, query);
            page.conversations().forEach(conversation -> found.add(conversation.id()));
            if (page.nextCursor() == null) {
                return found;
            }
            query = query.withCursor(page.nextCursor());
        }
    }

    /** The newest {@code window} entries of the conversation's memory, oldest first; empty for an unknown id. */
    @Override
    public List<Message> findByConversationId(String conversationId) {
        if (manager.findConversation(tenantId, conversationId).isEmpty()) {
            return List.of();
        }
        List<Entry> entries = entries(conversationId);
        return entries.subList(Math.max(0, entries.size() - window), entries.size()).stream().map(Entry::message).toList();
    }

    /** Appends the messages at the end of {@code messages} that follow what the memory already holds. */
    @Override
    public void saveAll(String conversationId, List<Message> messages) {
        Conversation conversation = manager.findConversation(tenantId, conversationId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", conversationId));
        List<Message> remembered = entries(conversationId).stream().map(Entry::message).toList();
        List<Message> incoming = messages.stream().filter(m -> m.getMessageType() != MessageType.SYSTEM).toList();
        for (Message message : incoming.subList(alreadyRemembered(remembered, incoming), incoming.size())) {
            String role = message.getMessageType() == MessageType.USER ? "user" : "assistant";
            record(conversation, MEMORY_EVENT, Map.of("role", role, "text", Objects.requireNonNullElse(message.getText(), "")));
        }
    }

    @Override
    public void deleteByConversationId(String conversationId) {
        manager.findConversation(tenantId, conversationId).ifPresent(conversation -> record(conversation, CLEARED_EVENT, Map.of()));
    }

    /**
     * How many leading messages of {@code incoming} the memory already holds: the longest prefix that is the
     * end of {@code remembered} (the whole memory since the last clear). The rest of {@code incoming} is new.
     */
    private static int alreadyRemembered(List<Message> remembered, List<Message> incoming) {
        for (int kept = Math.min(incoming.size(), remembered.size()); kept > 0; kept--) {
            if (sameTurns(remembered.subList(remembered.size() - kept, remembered.size()), incoming.subList(0, kept))) {
                return kept;
            }
        }
        return 0;
    }

    private static boolean sameTurns(List<Message> a, List<Message> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).getMessageType() != b.get(i).getMessageType() || !Objects.equals(a.get(i).getText(), b.get(i).getText())) {
                return false;
            }
        }
        return true;
    }

    private record Entry(Instant at, int order, Message message) {
    }

    /**
     * Stored messages and memory events after the last clear marker, in time order. A memory event that the
     * same text stored as a message at the same time or later repeats (the app saved its reply to memory,
     * then sent it through Threadline) is left out: Threadline's own record wins.
     */
    private List<Entry> entries(String conversationId) {
        List<Entry> stored = new ArrayList<>();
        for (dev.threadline.messaging.Message m : manager.getConversation(tenantId, conversationId).messages()) {
            if (m.isPartOfTheExchange()) {
                Message message = m.direction() == Direction.INBOUND ? new UserMessage(m.body()) : new AssistantMessage(m.body());
                stored.add(new Entry(m.createdAt(), stored.size(), message));
            }
        }
        List<Entry> entries = new ArrayList<>(stored);
        Instant clearedAt = Instant.MIN;
        for (ConversationEvent event : manager.events(tenantId, conversationId)) {
            if (CLEARED_EVENT.equals(event.type()) && event.occurredAt().isAfter(clearedAt)) {
                clearedAt = event.occurredAt();
            } else if (MEMORY_EVENT.equals(event.type())) {
                String text = String.valueOf(event.data().get("text"));
                Message message = "user".equals(event.data().get("role")) ? new UserMessage(text) : new AssistantMessage(text);
                boolean repeated = stored.stream().anyMatch(entry -> !entry.at().isBefore(event.occurredAt())
                        && sameTurns(List.of(entry.message()), List.of(message)));
                if (!repeated) {
                    entries.add(new Entry(event.occurredAt(), entries.size(), message));
                }
            }
        }
        Instant cutoff = clearedAt;
        return entries.stream()
                .filter(entry -> entry.at().isAfter(cutoff))
                .sorted(Comparator.comparing(Entry::at).thenComparingInt(Entry::order))
                .toList();
    }

    private void record(Conversation conversation, String type, Map<String, Object> data) {
        manager.recordEvent(tenantId, conversation.id(), type, data);
    }
}
