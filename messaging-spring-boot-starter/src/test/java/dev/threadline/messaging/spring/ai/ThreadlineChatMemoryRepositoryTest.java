package dev.threadline.messaging.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

class ThreadlineChatMemoryRepositoryTest {

    private final Clock clock = Clock.systemUTC();
    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(clock);
    private final InMemoryConversationStore store = new InMemoryConversationStore(ids, clock);
    private final SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
    private final MessageManager manager = MessageManager.builder().store(store).idGenerator(ids).clock(clock)
            .channel(sms).build();
    private final ThreadlineChatMemoryRepository repository = new ThreadlineChatMemoryRepository(manager, "acme", 20);

    @Test
    void aConversationReadsAsUserAndAssistantMessages() {
        String id = conversation("How much is Botox?");
        manager.reply("acme", id, "It is $12 per unit.", "staff");

        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: How much is Botox?", "assistant: It is $12 per unit.");
    }

    @Test
    void messagesTheCustomerNeverGotAreNotRemembered() {
        String id = conversation("How much is Botox?");
        sms.failNext(NonRetriableMessagingException.deliveryFailed("30003", "unreachable"));
        manager.reply("acme", id, "It is $12 per unit.", "staff");
        manager.deliverDue();
        scheduleForTomorrow("Still interested?");
        manager.cancelScheduled("acme", scheduleForTomorrow("Offer ends soon").id());

        assertThat(manager.getConversation("acme", id).messages()).extracting(dev.threadline.messaging.Message::status)
                .containsExactly(DeliveryStatus.RECEIVED, DeliveryStatus.FAILED, DeliveryStatus.SCHEDULED, DeliveryStatus.CANCELED);
        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: How much is Botox?");
    }

    @Test
    void savingTheWindowAppendsOnlyWhatIsNew() {
        String id = conversation("How much is Botox?");

        repository.saveAll(id, List.of(new UserMessage("How much is Botox?"), new AssistantMessage("$12 per unit.")));
        repository.saveAll(id, List.of(new UserMessage("How much is Botox?"), new AssistantMessage("$12 per unit.")));

        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: How much is Botox?", "assistant: $12 per unit.");
    }

    @Test
    void aWindowedChatMemoryReadsItsWindowWhileTheStoreKeepsEverything() {
        String id = conversation("first question");
        ThreadlineChatMemoryRepository narrow = new ThreadlineChatMemoryRepository(manager, "acme", 2);
        ChatMemory memory = MessageWindowChatMemory.builder().chatMemoryRepository(narrow).maxMessages(2).build();

        memory.add(id, new AssistantMessage("first answer"));
        memory.add(id, new UserMessage("second question"));
        memory.add(id, new AssistantMessage("second answer"));

        assertThat(texts(memory.get(id))).containsExactly("user: second question", "assistant: second answer");
        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: first question", "assistant: first answer",
                "user: second question", "assistant: second answer");
    }

    @Test
    void aWindowLongerThanTheReadAppendsOnlyTheNewEnd() {
        String id = conversation("q1");
        ThreadlineChatMemoryRepository narrow = new ThreadlineChatMemoryRepository(manager, "acme", 1);

        narrow.saveAll(id, List.of(new UserMessage("q1"), new AssistantMessage("a1")));
        narrow.saveAll(id, List.of(new UserMessage("q1"), new AssistantMessage("a1"), new UserMessage("q2")));

        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: q1", "assistant: a1", "user: q2");
    }

    @Test
    void aRepeatedTextIsStillANewTurn() {
        String id = conversation("yes");

        repository.saveAll(id, List.of(new UserMessage("yes"), new AssistantMessage("Booked?"), new UserMessage("yes")));

        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: yes", "assistant: Booked?", "user: yes");
    }

    @Test
    void aReplySavedToMemoryAndThenSentIsRememberedOnce() {
        String id = conversation("Can I book Tuesday?");

        repository.saveAll(id, List.of(new UserMessage("Can I book Tuesday?"), new AssistantMessage("Tuesday 10am is yours.")));
        manager.reply("acme", id, "Tuesday 10am is yours.", "ai-app");

        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: Can I book Tuesday?", "assistant: Tuesday 10am is yours.");
    }

    @Test
    void systemMessagesAreNotStored() {
        String id = conversation("hello");

        repository.saveAll(id, List.of(new SystemMessage("You are a receptionist."), new UserMessage("hello")));

        assertThat(texts(repository.findByConversationId(id))).containsExactly("user: hello");
    }

    @Test
    void deletingClearsTheMemoryButKeepsTheHistory() {
        String id = conversation("forget me");

        repository.deleteByConversationId(id);

        assertThat(repository.findByConversationId(id)).isEmpty();
        assertThat(manager.getConversation("acme", id).messages()).hasSize(1);
    }

    @Test
    void savingToAnUnknownConversationIsNotFound() {
        assertThatThrownBy(() -> repository.saveAll("no-such-conversation", List.of(new UserMessage("hi"))))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void anotherTenantsConversationIsNotVisible() {
        String id = conversation("private");
        ThreadlineChatMemoryRepository other = new ThreadlineChatMemoryRepository(manager, "globex", 20);

        assertThat(other.findByConversationId(id)).isEmpty();
        assertThat(other.findConversationIds()).doesNotContain(id);
    }

    @Test
    void conversationIdsListEveryConversationOfTheTenant() {
        String first = conversation("one");
        String second = manager.receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Bo")
                .customerPhone("+14155550124").body("two").build()).conversation().id();

        assertThat(repository.findConversationIds()).containsExactlyInAnyOrder(first, second);
    }

    private String conversation(String firstMessage) {
        return manager.receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana").customerPhone("+14155550123")
                .body(firstMessage).build()).conversation().id();
    }

    private dev.threadline.messaging.Message scheduleForTomorrow(String body) {
        return manager.send(OutboundMessage.builder("acme", ChannelId.SMS).customerName("Ana").customerPhone("+14155550123")
                .body(body).sendAt(clock.instant().plus(Duration.ofDays(1))).build());
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(m -> m.getMessageType().getValue() + ": " + m.getText()).toList();
    }
}
