package dev.threadline.messaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationContext;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.Team;
import dev.threadline.messaging.Workspace;
import dev.threadline.messaging.memory.InMemoryStaffStore;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People working conversations through {@link Workspace} and {@link Team}, on every store: inboxes routed by
 * receiving address, roles, conversations outside one's inboxes hidden, assignment rules, who sent a reply.
 * Extend it and return a fresh, empty store from {@link #createStore}; when the store also keeps staff
 * ({@link StaffStore}) it is used for that too, else an in-memory staff store.
 */
public abstract class WorkspaceContract {

    protected static final String TENANT = "acme";
    /** A second tenant whose AI replies are drafts unless an inbox says otherwise. */
    private static final String DRAFTING_TENANT = "drafting";
    private static final String FRONT_DESK_NUMBER = "+15550000001";
    private static final String MAILBOX = "hello@spa.example";

    protected MessageManager manager;
    private MutableClock clock;
    private Team owner;
    private Inbox front;
    private Inbox mail;
    private StaffUser agentAtFront;
    private StaffUser agentAtMail;
    private StaffUser viewerAtFront;
    private StaffUser admin;

    /** A new, empty store using this clock and id generator. */
    protected abstract ConversationStore createStore(Clock clock, IdGenerator ids);

    @BeforeEach
    void createTeam() {
        clock = MutableClock.fixed();
        IdGenerator ids = new TimeOrderedIdGenerator(clock);
        ConversationStore store = createStore(clock, ids);
        manager = MessageManager.builder().store(store)
                .staffStore(store instanceof StaffStore staff ? staff : new InMemoryStaffStore())
                .clock(clock).idGenerator(ids)
                .aiModes((tenant, channel) -> tenant.equals(DRAFTING_TENANT) ? AiMode.DRAFT : AiMode.AUTO)
                .channel(new SimulatorChannel(ChannelId.SMS)).channel(new SimulatorChannel(ChannelId.EMAIL))
                .responder(new KnowledgeBaseResponder(new KnowledgeBase("Glow Med Spa", List.of("Mon–Fri 9–6"),
                        List.of(new KnowledgeBase.Service("Facial", "$90", "60 minutes", "Cleanses and hydrates.", List.of())),
                        List.of(), List.of())))
                .build();
        owner = manager.team(Actor.apiKey(TENANT, "api-key:test"));
        front = owner.createInbox("Front desk", List.of(FRONT_DESK_NUMBER), null);
        mail = owner.createInbox("Email", List.of(MAILBOX), null);
        agentAtFront = owner.createUser("ana@spa.example", "Ana", Role.AGENT, Set.of(front.id()));
        agentAtMail = owner.createUser("ben@spa.example", "Ben", Role.AGENT, Set.of(mail.id()));
        viewerAtFront = owner.createUser("dr.cy@spa.example", "Dr. Cy", Role.VIEWER, Set.of(front.id()));
        admin = owner.createUser("dee@spa.example", "Dee", Role.ADMIN, Set.of());
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    private Workspace as(StaffUser user) {
        return manager.workspace(Actor.of(manager.team(Actor.apiKey(TENANT, "k")).user(user.id())));
    }

    private Conversation textToFrontDesk(String phone) {
        return manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(phone).ourAddress(FRONT_DESK_NUMBER)
                .providerMessageId("SM" + phone.substring(1)).body("Can I book a facial?").generateAiReply(false).build()).conversation();
    }

    private Conversation mailToMailbox(String address) {
        return manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail(address).ourAddress(MAILBOX)
                .customerName("Erin").subject("Prices").body("What does a peel cost?").generateAiReply(false).build()).conversation();
    }

    private static void assertFails(ErrorCode code, @Nullable String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MessagingException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void inboundMessagesOpenConversationsInTheInboxOfTheirReceivingAddress() {
        Conversation sms = textToFrontDesk("+15551230001");
        Conversation email = mailToMailbox("erin@example.com");
        Conversation elsewhere = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone("+15551230002")
                .ourAddress("+15559999999").providerMessageId("SM2").body("hi").generateAiReply(false).build()).conversation();
        Conversation asked = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerName("Flo")
                .customerPhone("+15551230003").inboxId(mail.id()).body("hi").generateAiReply(false).build()).conversation();

        assertThat(sms.inboxId()).isEqualTo(front.id());
        assertThat(email.inboxId()).isEqualTo(mail.id());
        assertThat(elsewhere.inboxId()).isEqualTo(Inbox.DEFAULT_ID);
        assertThat(asked.inboxId()).isEqualTo(mail.id());
        assertThat(manager.findConversation(TENANT, sms.id())).get().extracting(Conversation::inboxId).isEqualTo(front.id());
        assertFails(ErrorCode.VALIDATION_FAILED, "inbox_id", () -> manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS)
                .customerName("Gil").customerPhone("+15551230004").inboxId("nowhere").body("hi").build()));
    }

    @Test
    void anInboxsAiModeWinsOverTheTenants() {
        owner.defineInbox(mail.id(), mail.name(), mail.addresses(), AiMode.DRAFT);

        Message drafted = manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail("erin@example.com")
                .ourAddress(MAILBOX).customerName("Erin").subject("Facial").body("How much is a facial?").build()).aiReply();
        Message sent = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone("+15551230009")
                .ourAddress(FRONT_DESK_NUMBER).providerMessageId("SM9").body("How much is a facial?").build()).aiReply();

        assertThat(drafted.status()).isEqualTo(DeliveryStatus.DRAFT);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(owner.inboxes()).filteredOn(i -> i.id().equals(mail.id())).singleElement()
                .extracting(Inbox::aiMode).isEqualTo(AiMode.DRAFT);
    }

    @Test
    void anInboxWithoutAModeFollowsTheTenantsAndOneWithAModeKeepsIt() {
        Team drafting = manager.team(Actor.apiKey(DRAFTING_TENANT, "api-key:test"));
        drafting.createInbox("Front desk", List.of("+15550009999"), null);
        drafting.createInbox("Email", List.of("desk@drafting.example"), AiMode.AUTO);

        Message followed = manager.receive(InboundMessage.builder(DRAFTING_TENANT, ChannelId.SMS).customerPhone("+15551230010")
                .ourAddress("+15550009999").providerMessageId("SM10").body("How much is a facial?").build()).aiReply();
        Message kept = manager.receive(InboundMessage.builder(DRAFTING_TENANT, ChannelId.EMAIL).customerEmail("erin@example.com")
                .ourAddress("desk@drafting.example").customerName("Erin").subject("Facial").body("How much is a facial?").build()).aiReply();

        assertThat(followed.status()).as("the tenant's mode").isEqualTo(DeliveryStatus.DRAFT);
        assertThat(kept.status()).as("the inbox's own mode").isEqualTo(DeliveryStatus.QUEUED);
    }

    private void customerTexts(String phone, String body) {
        manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone(phone).ourAddress(FRONT_DESK_NUMBER)
                .providerMessageId("SM" + phone.substring(1) + "-" + body.hashCode()).body(body).generateAiReply(false).build());
    }

    private Conversation reread(Conversation conversation) {
        return manager.findConversation(TENANT, conversation.id()).orElseThrow();
    }

    @Test
    void aConversationAwaitsAReplyFromTheCustomersFirstUnansweredMessageUntilWeAnswer() {
        Conversation sms = textToFrontDesk("+15551230001");
        Instant firstWord = sms.lastActivityAt();
        assertThat(reread(sms).awaitingReplySince()).isEqualTo(firstWord);

        clock.advance(Duration.ofMinutes(5));
        customerTexts("+15551230001", "Hello? Anyone there?");
        assertThat(reread(sms).awaitingReplySince()).as("still waiting since the first message").isEqualTo(firstWord);

        as(agentAtFront).reply(sms.id(), "Sorry for the wait! Tuesday?");
        assertThat(reread(sms).awaitingReplySince()).isNull();

        clock.advance(Duration.ofMinutes(5));
        customerTexts("+15551230001", "Tuesday works");
        assertThat(reread(sms).awaitingReplySince()).isEqualTo(clock.instant());
    }

    @Test
    void anAutomaticReplyStartsNoWaitAndADraftEndsNone() {
        Conversation email = manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail("erin@example.com")
                .ourAddress(MAILBOX).customerName("Erin").subject("Out of office").body("I am away until Monday.")
                .headers(Map.of("Auto-Submitted", "auto-replied")).build()).conversation();
        assertThat(reread(email).awaitingReplySince()).isNull();

        owner.defineInbox(mail.id(), mail.name(), mail.addresses(), AiMode.DRAFT);
        ReceiveResult asked = manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail("erin@example.com")
                .ourAddress(MAILBOX).customerName("Erin").subject("Facials").body("How much is a facial?").build());
        assertThat(asked.aiReply().status()).isEqualTo(DeliveryStatus.DRAFT);
        assertThat(reread(asked.conversation()).awaitingReplySince()).as("a draft is no answer").isNotNull();

        as(agentAtMail).approveDraft(asked.aiReply().id(), null);
        assertThat(reread(asked.conversation()).awaitingReplySince()).isNull();
    }

    @Test
    void theDraftsListHoldsTheConversationsWhoseAiReplyWaitsForApprovalUntilItIsSentOrDiscarded() {
        owner.defineInbox(mail.id(), mail.name(), mail.addresses(), AiMode.DRAFT);
        textToFrontDesk("+15551230001");
        ReceiveResult approved = manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail("erin@example.com")
                .ourAddress(MAILBOX).customerName("Erin").subject("Facials").body("How much is a facial?").build());
        ReceiveResult discarded = manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail("finn@example.com")
                .ourAddress(MAILBOX).customerName("Finn").subject("Hours").body("When are you open?").build());
        ConversationQuery drafts = ConversationQuery.all().withDraftsOnly(true);

        ConversationPage both = as(agentAtMail).listConversations(drafts);
        assertThat(both.conversations()).extracting(Conversation::id)
                .containsExactlyInAnyOrder(approved.conversation().id(), discarded.conversation().id());
        assertThat(both.total()).isEqualTo(2);
        assertThat(as(agentAtFront).listConversations(drafts).total()).as("another inbox's drafts").isZero();

        as(agentAtMail).approveDraft(approved.aiReply().id(), null);
        as(agentAtMail).discardDraft(discarded.aiReply().id());
        assertThat(as(admin).listConversations(drafts).conversations()).isEmpty();
    }

    @Test
    void aReplyWaitsUntilItsSendTimeAndCanBeWithdrawnUntilThen() {
        Conversation sms = textToFrontDesk("+15551230001");
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));

        Message later = as(agentAtFront).reply(sms.id(), "Reminder: your facial is tomorrow at 10", tomorrow);
        assertThat(later.status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(later.metadata()).containsEntry(Message.META_SENT_BY_ID, agentAtFront.id());
        assertFails(ErrorCode.NOT_FOUND, null, () -> as(agentAtMail).withdraw(later.id()));

        as(agentAtFront).withdraw(later.id());
        assertThat(manager.getMessage(TENANT, later.id()).status()).isEqualTo(DeliveryStatus.CANCELED);
        assertFails(ErrorCode.CONFLICT, null, () -> as(agentAtFront).withdraw(later.id()));
        Message sent = as(agentAtFront).reply(sms.id(), "See you!");
        assertFails(ErrorCode.CONFLICT, null, () -> as(agentAtFront).withdraw(sent.id()));
        assertFails(ErrorCode.VALIDATION_FAILED, "send_at",
                () -> as(agentAtFront).reply(sms.id(), "Too late", clock.instant().minusSeconds(1)));
        assertFails(ErrorCode.FORBIDDEN, null, () -> as(viewerAtFront).reply(sms.id(), "Hi", tomorrow));
    }

    @Test
    void theWaitingListShowsTheLongestWaitingFirstPageByPage() {
        Conversation answered = textToFrontDesk("+15551230001");
        as(agentAtFront).reply(answered.id(), "Done!");
        clock.advance(Duration.ofMinutes(1));
        Conversation second = textToFrontDesk("+15551230002");
        clock.advance(Duration.ofMinutes(1));
        Conversation third = textToFrontDesk("+15551230003");
        clock.advance(Duration.ofMinutes(1));
        customerTexts("+15551230002", "Still there?");
        Conversation first = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone("+15551230004")
                .ourAddress(FRONT_DESK_NUMBER).providerMessageId("SM-old").body("Call me back please")
                .receivedAt(clock.instant().minus(Duration.ofHours(3))).generateAiReply(false).build()).conversation();
        Workspace ana = as(agentAtFront);

        ConversationQuery waiting = ConversationQuery.all().withLongestWaitingFirst(true).withPage(1, 2);
        ConversationPage page = ana.listConversations(waiting);
        assertThat(page.conversations()).extracting(Conversation::id).containsExactly(first.id(), second.id());
        assertThat(page.total()).isEqualTo(3);
        ConversationPage next = ana.listConversations(waiting.withCursor(page.nextCursor()));
        assertThat(next.conversations()).extracting(Conversation::id).containsExactly(third.id());
        assertThat(next.nextCursor()).isNull();
        assertThat(ana.listConversations(ConversationQuery.all().withAwaitingReplyOnly(true)).conversations())
                .extracting(Conversation::id).containsExactly(second.id(), third.id(), first.id());
    }

    @Test
    void spamLeavesTheListsAndKeepsItsCustomersLaterMessagesQuietly() {
        Conversation spam = textToFrontDesk("+15551230001");
        Conversation kept = textToFrontDesk("+15551230002");
        Workspace ana = as(agentAtFront);

        ana.changeStatus(spam.id(), ConversationStatus.SPAM);
        ReceiveResult later = manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerPhone("+15551230001")
                .ourAddress(FRONT_DESK_NUMBER).providerMessageId("SM-spam-2").body("BUY CHEAP FOLLOWERS").generateAiReply(true).build());

        assertThat(later.conversation().id()).as("the spam conversation keeps its thread").isEqualTo(spam.id());
        assertThat(later.aiReply()).as("spam gets no AI reply, even one asked for").isNull();
        assertThat(reread(spam).status()).isEqualTo(ConversationStatus.SPAM);
        ConversationPage listed = ana.listConversations(ConversationQuery.all());
        assertThat(listed.conversations()).extracting(Conversation::id).containsExactly(kept.id());
        assertThat(listed.total()).isEqualTo(1);
        assertThat(ana.listConversations(ConversationQuery.all().withStatus(ConversationStatus.SPAM)).conversations())
                .extracting(Conversation::id).containsExactly(spam.id());

        ana.changeStatus(spam.id(), ConversationStatus.ACTIVE);
        assertThat(ana.listConversations(ConversationQuery.all()).total()).isEqualTo(2);
    }

    private ReceiveResult inquiry(String email, ConversationContext context, boolean bot) {
        return manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail(email).customerName("Buyer")
                .ourAddress(MAILBOX).subject("About your listing").body("Is it still available?").context(context)
                .markedSpam(bot).generateAiReply(bot).build());
    }

    @Test
    void aConversationKnowsWhatItIsAboutAndListsFilterByIt() {
        ConversationContext bike = new ConversationContext("listing", "L-100", "Red road bike", "https://market.example/l/100");
        Conversation asked = inquiry("buyer@example.com", bike, false).conversation();
        inquiry("other@example.com", new ConversationContext("listing", "L-200", null, null), false);
        Workspace ben = as(agentAtMail);

        assertThat(reread(asked).context()).isEqualTo(bike);
        assertThat(ben.listConversations(ConversationQuery.all().withContext("listing", "L-100")).conversations())
                .extracting(Conversation::id).containsExactly(asked.id());
        assertThat(ben.listConversations(ConversationQuery.all().withContext("listing", null)).total()).isEqualTo(2);
        assertThat(ben.listConversations(ConversationQuery.all().withContext("order", null)).total()).isZero();

        ConversationContext helmet = new ConversationContext("listing", "L-300", "Helmet", null);
        assertThat(inquiry("buyer@example.com", helmet, false).conversation().id()).isEqualTo(asked.id());
        assertThat(reread(asked).context()).as("the newest inquiry says what it is about now").isEqualTo(helmet);
        assertFails(ErrorCode.VALIDATION_FAILED, "context_url", () -> new ConversationContext("listing", "L-1", null, "javascript:alert(1)"));
        assertFails(ErrorCode.VALIDATION_FAILED, "context_type", () -> ConversationQuery.all().withContext(null, "L-1"));
    }

    @Test
    void aMessageFromAKnownBotOpensItsConversationAsSpamBeforeAnythingAnswers() {
        ReceiveResult bot = inquiry("bot@example.com", new ConversationContext("listing", "L-100", null, null), true);

        assertThat(bot.conversation().status()).isEqualTo(ConversationStatus.SPAM);
        assertThat(bot.aiReply()).as("asked for, and still not given to spam").isNull();
        assertThat(as(admin).listConversations(ConversationQuery.all()).total()).isZero();
        assertThat(as(admin).listConversations(ConversationQuery.all().withStatus(ConversationStatus.SPAM)).total()).isEqualTo(1);
    }

    @Test
    void anAgentSeesOnlyTheConversationsOfTheirInboxes() {
        Conversation sms = textToFrontDesk("+15551230001");
        Conversation email = mailToMailbox("erin@example.com");
        Workspace ana = as(agentAtFront);

        assertThat(ana.listConversations(ConversationQuery.all()).conversations()).extracting(Conversation::id).containsExactly(sms.id());
        assertThat(ana.listConversations(ConversationQuery.all().withInboxes(Set.of(mail.id()))).conversations()).isEmpty();
        assertThat(ana.getConversation(sms.id()).conversation().id()).isEqualTo(sms.id());
        assertFails(ErrorCode.NOT_FOUND, null, () -> ana.getConversation(email.id()));
        assertFails(ErrorCode.NOT_FOUND, null, () -> ana.reply(email.id(), "Hello"));
        assertThat(ana.unreadCounts()).containsExactly(Map.entry(ChannelId.SMS, 1L));
        assertThat(as(admin).listConversations(ConversationQuery.all()).total()).isEqualTo(2);
        assertThat(manager.workspace(Actor.apiKey(TENANT, "k")).listConversations(ConversationQuery.all()).total()).isEqualTo(2);
    }

    @Test
    void aViewerReadsButDoesNotChangeAnything() {
        Conversation sms = textToFrontDesk("+15551230001");
        Workspace cy = as(viewerAtFront);

        assertThat(cy.getConversation(sms.id()).messages()).hasSize(1);
        assertFails(ErrorCode.FORBIDDEN, null, () -> cy.reply(sms.id(), "Hello"));
        assertFails(ErrorCode.FORBIDDEN, null, () -> cy.markRead(sms.id()));
        assertFails(ErrorCode.FORBIDDEN, null, () -> cy.changeStatus(sms.id(), ConversationStatus.COMPLETED));
        assertFails(ErrorCode.FORBIDDEN, null, () -> cy.assign(sms.id(), viewerAtFront.id()));
        assertFails(ErrorCode.FORBIDDEN, null, () -> manager.team(Actor.of(viewerAtFront)).users());
    }

    @Test
    void aReplyNamesTheStaffUserWhoSentIt() {
        Conversation sms = textToFrontDesk("+15551230001");

        Message reply = as(agentAtFront).reply(sms.id(), "Yes, Tuesday at 10?");

        assertThat(reply.metadata()).containsEntry(Message.META_SENT_BY_ID, agentAtFront.id()).containsEntry(Message.META_SENT_BY_NAME, "Ana");
        assertThat(manager.events(TENANT, sms.id())).filteredOn(e -> e.type().equals(ConversationEvent.STAFF_ACTION))
                .singleElement().satisfies(e -> assertThat(e.data()).containsEntry("actor", "user:" + agentAtFront.id()));
    }

    @Test
    void agentsTakeConversationsForThemselvesAndAdminsAssignMembers() {
        Conversation sms = textToFrontDesk("+15551230001");
        Workspace ana = as(agentAtFront);

        assertThat(ana.assign(sms.id(), agentAtFront.id()).assigneeId()).isEqualTo(agentAtFront.id());
        assertFails(ErrorCode.FORBIDDEN, null, () -> ana.assign(sms.id(), admin.id()));
        assertFails(ErrorCode.VALIDATION_FAILED, "assignee_id", () -> as(admin).assign(sms.id(), agentAtMail.id()));
        assertFails(ErrorCode.VALIDATION_FAILED, "assignee_id", () -> as(admin).assign(sms.id(), "ghost"));
        assertThat(as(admin).assign(sms.id(), viewerAtFront.id()).assigneeId()).isEqualTo(viewerAtFront.id());
        assertFails(ErrorCode.FORBIDDEN, null, () -> ana.assign(sms.id(), null));
        assertThat(as(admin).assign(sms.id(), null).assigneeId()).isNull();
        assertThat(manager.events(TENANT, sms.id())).filteredOn(e -> e.type().equals(ConversationEvent.ASSIGNED)).hasSize(3);
    }

    @Test
    void theListFiltersByAssignee() {
        Conversation mine = textToFrontDesk("+15551230001");
        Conversation nobodys = textToFrontDesk("+15551230002");
        Workspace ana = as(agentAtFront);
        ana.assign(mine.id(), agentAtFront.id());

        assertThat(ana.listConversations(ConversationQuery.all().withAssignee(agentAtFront.id())).conversations())
                .extracting(Conversation::id).containsExactly(mine.id());
        assertThat(ana.listConversations(ConversationQuery.all().withUnassignedOnly(true)).conversations())
                .extracting(Conversation::id).containsExactly(nobodys.id());
        assertThat(ana.listConversations(ConversationQuery.all().withUnassignedOnly(true)).total()).isEqualTo(1);
    }

    @Test
    void removingAUserUnassignsTheirActiveConversations() {
        Conversation first = textToFrontDesk("+15551230001");
        Conversation second = textToFrontDesk("+15551230002");
        as(agentAtFront).assign(first.id(), agentAtFront.id());
        as(agentAtFront).assign(second.id(), agentAtFront.id());

        owner.removeUser(agentAtFront.id());

        assertThat(manager.findConversation(TENANT, first.id())).get().extracting(Conversation::assigneeId).isNull();
        assertThat(manager.findConversation(TENANT, second.id())).get().extracting(Conversation::assigneeId).isNull();
        assertFails(ErrorCode.NOT_FOUND, null, () -> owner.user(agentAtFront.id()));
    }

    @Test
    void movingToAnotherInboxKeepsTheAssigneeOnlyIfTheyWorkIt() {
        Conversation sms = textToFrontDesk("+15551230001");
        as(agentAtFront).assign(sms.id(), agentAtFront.id());

        Conversation moved = as(admin).moveToInbox(sms.id(), mail.id());

        assertThat(moved.inboxId()).isEqualTo(mail.id());
        assertThat(moved.assigneeId()).isNull();
        assertFails(ErrorCode.NOT_FOUND, null, () -> as(agentAtFront).getConversation(sms.id()));
        assertThat(as(agentAtMail).getConversation(sms.id()).conversation().inboxId()).isEqualTo(mail.id());
        assertFails(ErrorCode.VALIDATION_FAILED, "inbox_id", () -> as(agentAtMail).moveToInbox(sms.id(), front.id()));
    }

    @Test
    void membershipsDecideWhatAnAgentSees() {
        Conversation email = mailToMailbox("erin@example.com");

        owner.setMembers(mail.id(), Set.of(agentAtFront.id()));

        assertThat(as(agentAtFront).getConversation(email.id()).conversation().id()).isEqualTo(email.id());
        assertFails(ErrorCode.NOT_FOUND, null, () -> as(agentAtMail).getConversation(email.id()));
        assertThat(manager.team(Actor.of(owner.user(agentAtFront.id()))).inboxes()).extracting(Inbox::id)
                .containsExactlyInAnyOrder(front.id(), mail.id());
    }

    @Test
    void onlyAnEmptyInboxOtherThanTheDefaultCanBeRemoved() {
        Conversation sms = textToFrontDesk("+15551230001");

        assertFails(ErrorCode.CONFLICT, null, () -> owner.removeInbox(front.id()));
        assertFails(ErrorCode.CONFLICT, null, () -> owner.removeInbox(Inbox.DEFAULT_ID));
        assertFails(ErrorCode.FORBIDDEN, null, () -> manager.team(Actor.of(admin)).removeInbox(mail.id()));
        as(admin).moveToInbox(sms.id(), mail.id());
        as(admin).changeStatus(sms.id(), ConversationStatus.SPAM);
        assertFails(ErrorCode.CONFLICT, null, () -> owner.removeInbox(mail.id()));

        owner.removeInbox(front.id());

        assertThat(owner.inboxes()).extracting(Inbox::id).doesNotContain(front.id());
        assertThat(owner.user(agentAtFront.id()).inboxIds()).isEmpty();
        assertFails(ErrorCode.NOT_FOUND, null, () -> owner.removeInbox(front.id()));
    }

    @Test
    void adminsSetAnInboxsAiModeAndOnlyOwnersItsNameAndAddresses() {
        Team adminTeam = manager.team(Actor.of(admin));

        assertThat(adminTeam.updateInbox(mail.id(), null, null, AiMode.OFF).aiMode()).isEqualTo(AiMode.OFF);
        assertFails(ErrorCode.FORBIDDEN, null, () -> adminTeam.updateInbox(mail.id(), "Renamed", null, null));
        assertFails(ErrorCode.FORBIDDEN, null, () -> manager.team(Actor.of(agentAtMail)).updateInbox(mail.id(), null, null, AiMode.AUTO));
    }

    @Test
    void anInactiveUserCannotActAndGivesUpTheirConversations() {
        Conversation sms = textToFrontDesk("+15551230001");
        as(agentAtFront).assign(sms.id(), agentAtFront.id());

        StaffUser inactive = owner.updateUser(agentAtFront.id(), null, null, null, null, false);

        assertFails(ErrorCode.FORBIDDEN, null, () -> Actor.of(inactive));
        assertThat(manager.staffActor(TENANT, "ana@spa.example")).isEmpty();
        assertThat(manager.findConversation(TENANT, sms.id())).get().extracting(Conversation::assigneeId).isNull();
    }

    @Test
    void anotherTenantsActorFindsNothing() {
        Conversation sms = textToFrontDesk("+15551230001");
        Workspace globex = manager.workspace(Actor.apiKey("globex", "k"));

        assertFails(ErrorCode.NOT_FOUND, null, () -> globex.getConversation(sms.id()));
        assertThat(globex.listConversations(ConversationQuery.all()).total()).isZero();
        assertFails(ErrorCode.NOT_FOUND, null, () -> manager.team(Actor.apiKey("globex", "k")).user(agentAtFront.id()));
    }
}
