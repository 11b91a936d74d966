package dev.threadline.examples.console.demo;

import dev.threadline.examples.console.medspa.MedSpa;
import dev.threadline.examples.console.medspa.Treatment;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.VoiceTranscript;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spa's past two weeks: two to four conversations on each of the thirteen days before today, on sms, email and
 * the phone, each written at its own time through {@link DemoTime}. Some are answered by the AI, some by staff after
 * a while; some end in a booking, a few answers never reach the customer; most are scored and closed. The same
 * every time for the same day, so the demo reads alike on every first start, with different people, treatments and
 * response times from day to day.
 */
final class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    /** Days before today the history covers: with today, two weeks. */
    static final int DAYS = 13;

    private static final List<String> FIRST_NAMES = List.of("Ava", "Noah", "Mia", "Liam", "Zoe", "Ethan", "Chloe", "Lucas", "Nora",
            "Mateo", "Layla", "Owen", "Ruby");
    private static final List<String> LAST_NAMES = List.of("Garcia", "Nguyen", "Brooks", "Okafor", "Rossi", "Kowalski", "Haddad",
            "Bennett", "Tanaka", "Silva", "Murphy");
    private static final List<String> SLOTS = List.of("10 AM", "11:30 AM", "2 PM", "3:30 PM", "5 PM");

    private final MessageManager manager;
    private final String tenant;
    private final ZoneId zone;
    private final DemoTime time;
    private final String frontDesk;
    private final String mailbox;
    private final String actor;
    private int customers;

    DemoHistory(MessageManager manager, String tenant, ZoneId zone, DemoTime time, String frontDesk, String mailbox, String actor) {
        this.manager = manager;
        this.tenant = tenant;
        this.zone = zone;
        this.time = time;
        this.frontDesk = frontDesk;
        this.mailbox = mailbox;
        this.actor = actor;
    }

    /** Writes the days before {@code today}, oldest first. */
    void write(LocalDate today) {
        for (int daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            int conversations = 2 + daysAgo % 3;
            for (int i = 0; i < conversations; i++) {
                int seed = daysAgo * 7 + i;
                // Spread over opening hours: the first one mid-morning, the next ones two to three hours apart.
                LocalTime startsAt = LocalTime.of(9, 0).plusMinutes(i * 150L + spread(seed, 5, 55));
                Instant start = day.atTime(startsAt).atZone(zone).toInstant();
                Customer customer = nextCustomer();
                Treatment treatment = MedSpa.treatments().get(seed % MedSpa.treatments().size());
                switch (seed % 4) {
                    case 0 -> answeredByAi(customer, treatment, start, seed);
                    case 1 -> bookedByText(customer, treatment, start, seed);
                    case 2 -> bookedOnThePhone(customer, treatment, start, seed);
                    default -> answeredByEmail(customer, treatment, start, seed);
                }
            }
        }
    }

    /**
     * A price question the AI answers at once; the customer thanks it. Now and then the carrier reports the answer
     * undelivered (the number was a landline), as a provider's callback would, and nobody thanks anyone.
     */
    private void answeredByAi(Customer customer, Treatment treatment, Instant start, int seed) {
        ReceiveResult asked = time.at(start, () -> manager.receive(sms(customer, "Hi! How much is " + treatment.name() + "?", true)));
        String id = asked.conversation().id();
        if (seed % 3 == 0 && asked.aiReply() != null) {
            Instant reported = start.plusSeconds(30);
            manager.updateDelivery(tenant, asked.aiReply().id(), new DeliveryUpdate(DeliveryStatus.UNDELIVERED, reported, null,
                    "30006", "Landline or unreachable carrier"));
            close(id, reported.plusSeconds(60), ConversationStatus.ARCHIVED);
            return;
        }
        Instant thanks = start.plus(Duration.ofMinutes(spread(seed, 3, 20)));
        time.at(thanks, () -> manager.receive(sms(customer, "Great, thanks!", false)));
        close(id, thanks.plusSeconds(60), ConversationStatus.ARCHIVED);
    }

    /** Staff answer a request for a time after a while, offer two, and confirm the one taken. */
    private void bookedByText(Customer customer, Treatment treatment, Instant start, int seed) {
        String id = time.at(start, () -> manager.receive(sms(customer,
                "Hi, do you have time this week for " + lower(treatment) + "?", false))).conversation().id();
        String first = SLOTS.get(seed % SLOTS.size());
        String second = SLOTS.get((seed + 2) % SLOTS.size());
        Instant offered = start.plus(Duration.ofMinutes(spread(seed, 4, 75)));
        time.at(offered, () -> manager.reply(tenant, id, "Hi " + customer.firstName() + ", we can see you tomorrow at " + first
                + " or " + second + ". Which suits you?", actor));
        Instant chosen = offered.plus(Duration.ofMinutes(spread(seed + 1, 2, 30)));
        time.at(chosen, () -> manager.receive(sms(customer, second + " please", false)));
        Instant confirmed = chosen.plus(Duration.ofMinutes(spread(seed + 2, 1, 12)));
        time.at(confirmed, () -> manager.reply(tenant, id, "You're all set for tomorrow at " + second + ". See you then!", actor));
        Instant end = confirmed;
        if (seed % 2 == 0) {
            end = confirmed.plus(Duration.ofMinutes(spread(seed + 3, 1, 8)));
            time.at(end, () -> manager.receive(sms(customer, "Perfect, thank you!", false)));
        }
        close(id, end.plusSeconds(90), ConversationStatus.COMPLETED);
    }

    /** A call the front desk took, ending in a booking. */
    private void bookedOnThePhone(Customer customer, Treatment treatment, Instant start, int seed) {
        String slot = SLOTS.get(seed % SLOTS.size());
        String id = manager.recordVoiceTranscript(new VoiceTranscript(tenant, "demo-history-call-" + seed, customer.name(),
                customer.phone(), null, List.of(
                new VoiceTranscript.Turn(Author.CUSTOMER, "Hi, I'd like to come in for " + lower(treatment) + ".", start),
                new VoiceTranscript.Turn(Author.STAFF, "Of course. Would Thursday at " + slot + " work?", start.plusSeconds(25)),
                new VoiceTranscript.Turn(Author.CUSTOMER, "Yes, that works.", start.plusSeconds(40)),
                new VoiceTranscript.Turn(Author.STAFF, "Great, you're all set for Thursday at " + slot + ".", start.plusSeconds(55)))))
                .id();
        close(id, start.plus(Duration.ofMinutes(2)), ConversationStatus.COMPLETED);
    }

    /**
     * An email question staff answer within a few hours; an answer after three hours disappoints. Most are scored
     * and closed, some left as they are.
     */
    private void answeredByEmail(Customer customer, Treatment treatment, Instant start, int seed) {
        String id = time.at(start, () -> manager.receive(InboundMessage.builder(tenant, ChannelId.EMAIL).inboxId(mailbox)
                .customerName(customer.name()).customerEmail(customer.email()).subject("Question about " + treatment.name())
                .body("Hello, what should I expect from " + lower(treatment) + ", and is there any downtime?")
                .generateAiReply(false).build())).conversation().id();
        Instant answered = start.plus(Duration.ofMinutes(spread(seed, 40, 240)));
        time.at(answered, () -> manager.reply(tenant, id, "Hi " + customer.firstName() + ", " + treatment.description()
                + " It takes about " + treatment.length().toMinutes() + " minutes and costs " + treatment.price() + ".", actor));
        Instant end = answered;
        if (Duration.between(start, answered).toHours() >= 3) {
            end = answered.plus(Duration.ofMinutes(spread(seed, 10, 50)));
            time.at(end, () -> manager.receive(InboundMessage.builder(tenant, ChannelId.EMAIL).inboxId(mailbox)
                    .customerName(customer.name()).customerEmail(customer.email()).conversationId(id)
                    .subject("Re: Question about " + treatment.name())
                    .body("That took a while, I'm a bit disappointed. But thanks for the details.").generateAiReply(false).build()));
        }
        if (seed % 3 == 0) {
            time.at(end, () -> manager.markRead(tenant, id));
        } else {
            close(id, end.plusSeconds(120), ConversationStatus.COMPLETED);
        }
    }

    /** Read, scored and given its final status, at {@code at}. */
    private void close(String id, Instant at, ConversationStatus status) {
        time.at(at, () -> {
            manager.markRead(tenant, id);
            DemoConversations.scoreUnlessTheAiIsDown(manager, tenant, id, log);
            return manager.changeStatus(tenant, id, status);
        });
    }

    private InboundMessage sms(Customer customer, String body, boolean aiReply) {
        return InboundMessage.builder(tenant, ChannelId.SMS).inboxId(frontDesk).customerName(customer.name())
                .customerPhone(customer.phone()).body(body).generateAiReply(aiReply).build();
    }

    /** Every customer of the history is someone else: the name lists' lengths share no factor, so pairs repeat late. */
    private Customer nextCustomer() {
        int n = customers++;
        String first = FIRST_NAMES.get(n % FIRST_NAMES.size());
        String last = LAST_NAMES.get(n % LAST_NAMES.size());
        return new Customer(first, first + " " + last, String.format(Locale.ROOT, "+1415555%04d", 200 + n),
                (first + "." + last + "@example.com").toLowerCase(Locale.ROOT));
    }

    /** The treatment as customers write it in a sentence. */
    private static String lower(Treatment treatment) {
        return treatment.name().toLowerCase(Locale.ROOT);
    }

    /** A number from {@code min} to {@code max} that varies with {@code seed}: demo data that looks lived in, yet repeats. */
    private static long spread(int seed, int min, int max) {
        return min + Math.floorMod(seed * 37L + 11, max - min + 1);
    }

    private record Customer(String firstName, String name, String phone, String email) {
    }
}
