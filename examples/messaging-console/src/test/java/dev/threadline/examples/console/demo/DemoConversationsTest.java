package dev.threadline.examples.console.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.examples.console.SpaMoment;
import dev.threadline.examples.console.medspa.MedSpa;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Team;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.DefaultApplicationArguments;

class DemoConversationsTest {

    private static final String TENANT = "glow-med-spa";

    private final List<MessageManager> opened = new ArrayList<>();
    private final Map<MessageManager, DemoConversations> demos = new HashMap<>();

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
    void firstStartScoresConversationsWithOutcomesIncludingBookings(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        List<Satisfaction> scores = conversations(manager, TENANT).stream().map(Conversation::satisfaction).filter(Objects::nonNull).toList();
        assertThat(scores).extracting(Satisfaction::outcome).contains("booked", "question_answered");
        assertThat(scores.stream().map(Satisfaction::score).distinct()).as("scores that differ, for a trend").hasSizeGreaterThanOrEqualTo(3);
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

    /** Conversations began on each of the thirteen days before the clock's today and none before, none active after now. */
    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void demoHistorySpansTheTwoWeeksBeforeTheInjectedClocksNow(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        List<Conversation> written = conversations(manager, TENANT);
        Set<LocalDate> days = written.stream().map(c -> c.initiatedAt().atZone(SpaMoment.ZONE).toLocalDate()).collect(Collectors.toSet());
        List<LocalDate> twoWeeks = moment.today().minusDays(DemoHistory.DAYS).datesUntil(moment.today()).toList();
        assertThat(days).containsAll(twoWeeks).allSatisfy(day -> assertThat(day).isAfterOrEqualTo(twoWeeks.get(0)));
        assertThat(written).extracting(Conversation::lastActivityAt).allSatisfy(last -> assertThat(last).isBeforeOrEqualTo(moment.instant()));
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void eachDayOfTheHistoryHasSeveralConversationsAndTheTwoWeeksAllChannels(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        Map<LocalDate, List<Conversation>> byDay = conversations(manager, TENANT).stream()
                .filter(c -> c.initiatedAt().isBefore(moment.today().atStartOfDay(SpaMoment.ZONE).toInstant()))
                .collect(Collectors.groupingBy(c -> c.initiatedAt().atZone(SpaMoment.ZONE).toLocalDate()));
        assertThat(byDay.values()).allSatisfy(day -> assertThat(day).hasSizeGreaterThanOrEqualTo(2));
        assertThat(byDay.values().stream().flatMap(List::stream)).extracting(c -> c.channel().value())
                .contains("sms", "email", "voice");
    }

    /** Staff and the AI answer after the customer wrote, minutes to hours later, not at the moment the demo was written. */
    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void repliesAreStampedWhenTheyWereWritten(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        List<Duration> firstResponses = new ArrayList<>();
        List<Author> answeredBy = new ArrayList<>();
        for (Conversation c : conversations(manager, TENANT)) {
            List<Message> messages = manager.getConversation(TENANT, c.id()).messages();
            assertThat(messages).extracting(Message::createdAt).isSorted().allSatisfy(at -> assertThat(at).isBeforeOrEqualTo(moment.instant()));
            messages.stream().filter(m -> m.direction() == Direction.OUTBOUND).findFirst().ifPresent(reply -> {
                firstResponses.add(Duration.between(messages.get(0).createdAt(), reply.createdAt()));
                answeredBy.add(reply.author());
            });
        }
        assertThat(answeredBy).contains(Author.AI, Author.STAFF);
        assertThat(firstResponses).hasSizeGreaterThan(20).allSatisfy(wait -> assertThat(wait).isBetween(Duration.ZERO, Duration.ofHours(5)));
        assertThat(firstResponses).filteredOn(wait -> wait.compareTo(Duration.ofMinutes(30)) > 0).isNotEmpty();
    }

    /** As a carrier reports it: the delivery rate of the history is not a flat hundred percent. */
    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void aFewAnswersNeverReachTheCustomer(SpaMoment moment) {
        MessageManager manager = startedAt(moment);

        List<Message> outbound = conversations(manager, TENANT).stream()
                .flatMap(c -> manager.getConversation(TENANT, c.id()).messages().stream())
                .filter(m -> m.direction() == Direction.OUTBOUND).toList();
        assertThat(outbound).filteredOn(m -> m.status() == DeliveryStatus.UNDELIVERED)
                .isNotEmpty().hasSizeLessThan(outbound.size() / 5).allSatisfy(m -> assertThat(m.author()).isEqualTo(Author.AI));
    }

    @ParameterizedTest
    @EnumSource(SpaMoment.class)
    void restartWithConversationsWritesNothingMore(SpaMoment moment) {
        MessageManager manager = startedAt(moment);
        List<String> before = conversations(manager, TENANT).stream().map(Conversation::id).toList();

        demos.get(manager).run(new DefaultApplicationArguments());

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
        DemoTime time = new DemoTime(moment.clock());
        MessageManager manager = MessageManager.builder()
                .clock(time.managerClock())
                .channel(new SimulatorChannel(ChannelId.SMS))
                .channel(new SimulatorChannel(ChannelId.EMAIL))
                .responder(new KnowledgeBaseResponder(MedSpa.knowledgeBase(TENANT)))
                .scorer((conversation, messages) -> {
                    throw new RetriableMessagingException("the AI provider did not answer in time", null, null);
                })
                .build();
        opened.add(manager);

        new DemoConversations(manager, properties(), time).run(new DefaultApplicationArguments());

        assertThat(conversations(manager, TENANT)).hasSizeGreaterThan(30).allSatisfy(c -> assertThat(c.satisfaction()).isNull())
                .filteredOn(c -> c.status() == ConversationStatus.COMPLETED).isNotEmpty();
    }

    /** A manager on the moment's clock after the demo data's first start. */
    private MessageManager startedAt(SpaMoment moment) {
        DemoTime time = new DemoTime(moment.clock());
        MessageManager manager = MessageManager.builder()
                .clock(time.managerClock())
                .channel(new SimulatorChannel(ChannelId.SMS))
                .channel(new SimulatorChannel(ChannelId.EMAIL))
                .responder(new KnowledgeBaseResponder(MedSpa.knowledgeBase(TENANT)))
                .build();
        opened.add(manager);
        demos.put(manager, new DemoConversations(manager, properties(), time));
        demos.get(manager).run(new DefaultApplicationArguments());
        return manager;
    }

    private static ConsoleProperties properties() {
        return new ConsoleProperties(TENANT, SpaMoment.ZONE, true, false, null);
    }

    private static List<Conversation> conversations(MessageManager manager, String tenant) {
        return manager.listConversations(tenant, ConversationQuery.all().withPage(1, 100)).conversations();
    }
}
