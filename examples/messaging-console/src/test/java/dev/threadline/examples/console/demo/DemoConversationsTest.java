package dev.threadline.examples.console.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.SpaMoment;
import dev.threadline.examples.console.medspa.MedSpa;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.Team;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.DefaultApplicationArguments;

class DemoConversationsTest {

    private static final String TENANT = "glow-med-spa";

    private final List<MessageManager> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(MessageManager::close);
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void firstStartWritesSmsEmailAndVoiceConversations(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        assertThat(conversations(manager, TENANT)).extracting(c -> c.channel().value()).contains("sms", "email", "voice");
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void firstStartMixesStatuses(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        assertThat(conversations(manager, TENANT)).extracting(Conversation::status)
                .contains(ConversationStatus.ACTIVE, ConversationStatus.COMPLETED, ConversationStatus.ARCHIVED);
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void firstStartLeavesSomeConversationsUnread(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        assertThat(conversations(manager, TENANT)).filteredOn(c -> c.unreadCount() > 0).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void firstStartScoresOneConversation(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        assertThat(conversations(manager, TENANT)).filteredOn(c -> c.satisfaction() != null).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void firstStartSetsUpTheFrontDeskAndTheEmailInboxWithTheirPeople(SpaMoment moment) {
        MessageManager manager = startedAt(moment);
        Team owner = manager.team(Actor.apiKey(TENANT, "test"));

        assertThat(owner.inboxes()).extracting(Inbox::name).containsExactly("Default", "Email", "Front desk");
        assertThat(owner.users()).extracting(StaffUser::name, StaffUser::role)
                .containsExactlyInAnyOrder(tuple("Jamie Rivera", Role.AGENT), tuple("Dr. Patel", Role.VIEWER));
        StaffUser agent = owner.users().stream().filter(u -> u.role() == Role.AGENT).findFirst().orElseThrow();
        List<Conversation> assigned = manager.listConversations(TENANT, ConversationQuery.all().withAssignee(agent.id())).conversations();
        assertThat(assigned).extracting(Conversation::customerName).containsExactly("Marcus Johnson");
        assertThat(assigned.get(0).awaitingReplySince()).as("waiting for hours").isBefore(moment.instant().minus(Duration.ofHours(1)));
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void firstStartHidesASpamTextAndShowsAWebsiteInquiryAboutAnOffer(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        assertThat(conversations(manager, TENANT)).extracting(Conversation::status).doesNotContain(ConversationStatus.SPAM);
        assertThat(manager.listConversations(TENANT, ConversationQuery.all().withStatus(ConversationStatus.SPAM)).total()).isEqualTo(1);
        assertThat(manager.listConversations(TENANT, ConversationQuery.all().withContext("offer", "spring-botox")).conversations())
                .extracting(Conversation::customerName).containsExactly("Grace Lee");
    }

    /** The oldest demo conversation began six days before the clock's now, and none is active after it. */
    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void demoHistoryIsDatedByTheInjectedClock(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        List<Conversation> written = conversations(manager, TENANT);
        assertThat(written).extracting(Conversation::initiatedAt).contains(moment.instant().minus(Duration.ofDays(6)))
                .allSatisfy(initiated -> assertThat(initiated).isAfterOrEqualTo(moment.instant().minus(Duration.ofDays(6))));
        assertThat(written).extracting(Conversation::lastActivityAt).allSatisfy(last -> assertThat(last).isBeforeOrEqualTo(moment.instant()));
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void restartWithConversationsWritesNothingMore(SpaMoment moment) {
        MessageManager manager = startedAt(moment);
        List<String> before = conversations(manager, TENANT).stream().map(Conversation::id).toList();

        demoFor(manager, moment).run(new DefaultApplicationArguments());

        assertThat(conversations(manager, TENANT)).extracting(Conversation::id).containsExactlyInAnyOrderElementsOf(before);
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void demoDataGoesOnlyToTheAppsOwnTenant(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        assertThat(conversations(manager, "another-tenant")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anAiProviderThatIsDownDoesNotKeepTheConsoleFromStarting() {
        SpaMoment moment = SpaMoment.values()[0];
        MessageManager manager = MessageManager.builder()
                .clock(moment.clock())
                .channel(new SimulatorChannel(ChannelId.SMS))
                .channel(new SimulatorChannel(ChannelId.EMAIL))
                .responder(new KnowledgeBaseResponder(MedSpa.knowledgeBase(TENANT)))
                .scorer((conversation, messages) -> {
                    throw new RetriableMessagingException("the AI provider did not answer in time", null, null);
                })
                .build();
        opened.add(manager);

        demoFor(manager, moment).run(new DefaultApplicationArguments());

        assertThat(conversations(manager, TENANT)).hasSize(7).allSatisfy(c -> assertThat(c.satisfaction()).isNull())
                .filteredOn(c -> c.status() == ConversationStatus.COMPLETED).isNotEmpty();
    }

    /** A manager on the moment's clock after the demo data's first start. */
    private MessageManager startedAt(SpaMoment moment) {
        MessageManager manager = MessageManager.builder()
                .clock(moment.clock())
                .channel(new SimulatorChannel(ChannelId.SMS))
                .channel(new SimulatorChannel(ChannelId.EMAIL))
                .responder(new KnowledgeBaseResponder(MedSpa.knowledgeBase(TENANT)))
                .build();
        opened.add(manager);
        demoFor(manager, moment).run(new DefaultApplicationArguments());
        return manager;
    }

    private static DemoConversations demoFor(MessageManager manager, SpaMoment moment) {
        return new DemoConversations(manager, new ConsoleProperties(TENANT, SpaMoment.ZONE, true, false, null), moment.clock());
    }

    private static List<Conversation> conversations(MessageManager manager, String tenant) {
        return manager.listConversations(tenant, ConversationQuery.all().withPage(1, 100)).conversations();
    }
}
