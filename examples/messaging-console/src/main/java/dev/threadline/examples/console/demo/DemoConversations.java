package dev.threadline.examples.console.demo;

import dev.threadline.examples.console.ConsoleProperties;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationContext;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.Team;
import dev.threadline.messaging.VoiceTranscript;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Writes conversations for the app's own tenant on first start, through the message manager like any other traffic,
 * so the console is not empty: the {@linkplain DemoHistory past two weeks}, then the last few days' handful on sms,
 * email and voice, waiting and answered, completed and archived. And the people who work them: a front desk inbox
 * for texts and an email inbox, a front-desk agent (who has one waiting conversation assigned) and a provider who
 * reads both inboxes, a spam text and a website inquiry about an offer. The owner sets the others' passwords. Each
 * message is stamped when it would have been written ({@link DemoTime}). Skipped when the tenant already has
 * conversations, so a restart keeps what is there.
 */
@Component
@ConditionalOnProperty(name = "console.demo-data", havingValue = "true")
class DemoConversations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoConversations.class);
    private static final String ACTOR = "demo-data";

    private final MessageManager manager;
    private final String tenant;
    private final ZoneId zone;
    private final DemoTime time;
    private @Nullable Inbox frontDesk;
    private @Nullable Inbox mailbox;

    DemoConversations(MessageManager manager, ConsoleProperties properties, DemoTime time) {
        this.manager = manager;
        this.tenant = properties.tenant();
        this.zone = properties.timeZone();
        this.time = time;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (manager.listConversations(tenant, ConversationQuery.all().withPage(1, 1)).total() > 0) {
            log.info("Tenant {} already has conversations; demo data not written", tenant);
            return;
        }
        Instant now = time.now();
        Team team = manager.team(Actor.apiKey(tenant, ACTOR));
        frontDesk = team.createInbox("Front desk", List.of(), null);
        mailbox = team.createInbox("Email", List.of(), null);
        StaffUser agent = team.createUser("frontdesk@glow-med-spa.example", "Jamie Rivera", Role.AGENT, Set.of(frontDesk.id()));
        team.createUser("dr.patel@glow-med-spa.example", "Dr. Patel", Role.VIEWER, Set.of(frontDesk.id(), mailbox.id()));
        new DemoHistory(manager, tenant, zone, time, frontDesk.id(), mailbox.id(), ACTOR).write(now.atZone(zone).toLocalDate());
        archivedThankYou(now);
        voiceReschedule(now);
        String marcus = waitingHydraFacialQuestions(now);
        waitingLaserEmail(now);
        completedFillerConsultation(now);
        answeredBotoxQuestion(now);
        spamText(now);
        websiteInquiry(now);
        manager.workspace(Actor.apiKey(tenant, ACTOR)).assign(marcus, agent.id());
        log.info("Wrote demo conversations, inboxes and staff for tenant {}", tenant);
    }

    private void answeredBotoxQuestion(Instant now) {
        Instant asked = now.minus(Duration.ofHours(26));
        ReceiveResult first = time.at(asked, () -> manager.receive(sms("Emily Chen", "+14155550142",
                "Hi! How much is Botox for forehead lines?", asked, true)));
        time.at(asked.plus(Duration.ofMinutes(5)), () -> manager.markRead(tenant, first.conversation().id()));
    }

    private void completedFillerConsultation(Instant now) {
        Instant asked = now.minus(Duration.ofHours(20));
        ReceiveResult received = time.at(asked, () -> manager.receive(InboundMessage.builder(tenant, ChannelId.EMAIL)
                .inboxId(inboxId(mailbox)).customerName("Olivia Martinez").customerEmail("olivia.martinez@example.com")
                .subject("Lip filler consultation")
                .body("Hello, I'm interested in lip filler and would love a consultation. How much are fillers, and does it hurt?")
                .receivedAt(asked).generateAiReply(true).build()));
        String id = received.conversation().id();
        time.at(asked.plus(Duration.ofMinutes(35)), () -> {
            manager.reply(tenant, id, "Hi Olivia, Dr. Patel has a free consultation slot on Thursday at 2 PM. Shall I reserve it for you?", ACTOR);
            manager.markRead(tenant, id);
            scoreUnlessTheAiIsDown(manager, tenant, id, log);
            return manager.changeStatus(tenant, id, ConversationStatus.COMPLETED);
        });
    }

    /** Scores a demo conversation; an AI provider that is down must not keep the console from starting. */
    static void scoreUnlessTheAiIsDown(MessageManager manager, String tenant, String conversationId, Logger log) {
        try {
            manager.score(tenant, conversationId);
        } catch (RetriableMessagingException e) {
            // The score can be asked for later, from the console.
            log.warn("Demo conversation {} left unscored: {}", conversationId, e.getMessage());
        }
    }

    private void archivedThankYou(Instant now) {
        ReceiveResult received = manager.receive(sms("Sarah Thompson", "+14155550117", "Thank you so much, my HydraFacial was amazing! See you next month.",
                now.minus(Duration.ofDays(6)), false));
        String id = received.conversation().id();
        time.at(received.message().createdAt().plus(Duration.ofHours(1)), () -> {
            manager.markRead(tenant, id);
            return manager.changeStatus(tenant, id, ConversationStatus.ARCHIVED);
        });
    }

    private void voiceReschedule(Instant now) {
        Instant call = now.minus(Duration.ofDays(2));
        Conversation recorded = manager.recordVoiceTranscript(new VoiceTranscript(tenant, "demo-call-1", "David Kim", "+14155550188", null, List.of(
                new VoiceTranscript.Turn(Author.CUSTOMER, "Hi, I need to move my chemical peel from Thursday.", call),
                new VoiceTranscript.Turn(Author.STAFF, "No problem, David. I can do Friday at 11 AM or Monday at 3 PM.", call.plusSeconds(20)),
                new VoiceTranscript.Turn(Author.CUSTOMER, "Friday at 11 works, thanks!", call.plusSeconds(35)),
                new VoiceTranscript.Turn(Author.STAFF, "You're all set for Friday at 11 AM. See you then!", call.plusSeconds(45)))));
        time.at(call.plus(Duration.ofMinutes(1)), () -> manager.markRead(tenant, recorded.id()));
    }

    private String waitingHydraFacialQuestions(Instant now) {
        String marcus = manager.receive(sms("Marcus Johnson", "+14155550163", "Do you have anything Saturday morning for a HydraFacial?",
                now.minus(Duration.ofHours(3)), false)).conversation().id();
        manager.receive(sms("Marcus Johnson", "+14155550163", "Also, where do I park?", now.minus(Duration.ofHours(2)), false));
        return marcus;
    }

    private void spamText(Instant now) {
        String id = manager.receive(sms("+1 415 555 0100", "+14155550100", "CONGRATS! You won a free cruise, claim at bit.ly/x",
                now.minus(Duration.ofHours(5)), false)).conversation().id();
        time.at(now.minus(Duration.ofHours(4)), () -> manager.changeStatus(tenant, id, ConversationStatus.SPAM));
    }

    /** What the public contact form stores: an email conversation about the page the visitor came from. */
    private void websiteInquiry(Instant now) {
        manager.receive(InboundMessage.builder(tenant, ChannelId.EMAIL).inboxId(inboxId(mailbox))
                .customerName("Grace Lee").customerEmail("grace.lee@example.com").subject("Spring Botox special")
                .body("Is the spring Botox offer still on, and can I bring a friend?")
                .context(new ConversationContext("offer", "spring-botox", "Spring Botox special", "https://glow-med-spa.example/offers/spring-botox"))
                .receivedAt(now.minus(Duration.ofMinutes(20))).generateAiReply(false).build());
    }

    private static String inboxId(@Nullable Inbox inbox) {
        return Objects.requireNonNull(inbox, "inboxes are made first").id();
    }

    private void waitingLaserEmail(Instant now) {
        manager.receive(InboundMessage.builder(tenant, ChannelId.EMAIL)
                .inboxId(inboxId(mailbox)).customerName("Priya Shah").customerEmail("priya.shah@example.com")
                .subject("Laser hair removal packages")
                .body("Hi there, what does a package of laser hair removal sessions cost, and how many sessions will I need?")
                .receivedAt(now.minus(Duration.ofMinutes(45))).generateAiReply(false).build());
    }

    private InboundMessage sms(String name, String phone, String body, Instant at, boolean aiReply) {
        return InboundMessage.builder(tenant, ChannelId.SMS).inboxId(inboxId(frontDesk)).customerName(name).customerPhone(phone)
                .body(body).receivedAt(at).generateAiReply(aiReply).build();
    }
}
