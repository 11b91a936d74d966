package dev.threadline.examples.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.medspa.MedSpa;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.ConversationQuery;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class DemoConversationsTest {

    private static final String TENANT = "glow-med-spa";

    private final MessageManager manager = MessageManager.builder()
            .channel(new SimulatorChannel(ChannelId.SMS))
            .channel(new SimulatorChannel(ChannelId.EMAIL))
            .responder(new KnowledgeBaseResponder(MedSpa.knowledgeBase()))
            .build();
    private final DemoConversations demo = new DemoConversations(manager,
            new ConsoleProperties(TENANT, ZoneId.of("America/New_York"), true, false), Clock.systemUTC());

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void firstStartWritesSmsEmailAndVoiceConversations() {
        start();

        assertThat(conversations(TENANT)).extracting(c -> c.channel().value()).contains("sms", "email", "voice");
    }

    @Test
    void firstStartMixesStatuses() {
        start();

        assertThat(conversations(TENANT)).extracting(Conversation::status)
                .contains(ConversationStatus.ACTIVE, ConversationStatus.COMPLETED, ConversationStatus.ARCHIVED);
    }

    @Test
    void firstStartLeavesSomeConversationsUnread() {
        start();

        assertThat(conversations(TENANT)).filteredOn(c -> c.unreadCount() > 0).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void firstStartScoresOneConversation() {
        start();

        assertThat(conversations(TENANT)).filteredOn(c -> c.satisfaction() != null).hasSize(1);
    }

    @Test
    void restartWithConversationsWritesNothingMore() {
        start();
        List<String> before = conversations(TENANT).stream().map(Conversation::id).toList();

        start();

        assertThat(conversations(TENANT)).extracting(Conversation::id).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void demoDataGoesOnlyToTheAppsOwnTenant() {
        start();

        assertThat(conversations("another-tenant")).isEmpty();
    }

    private void start() {
        demo.run(new DefaultApplicationArguments());
    }

    private List<Conversation> conversations(String tenant) {
        return manager.listConversations(tenant, ConversationQuery.all().withPage(1, 100)).conversations();
    }
}
