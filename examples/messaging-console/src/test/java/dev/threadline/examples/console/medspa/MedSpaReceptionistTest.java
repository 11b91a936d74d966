package dev.threadline.examples.console.medspa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.booking.AppointmentCalendar;
import dev.threadline.examples.console.booking.BookingResponder;
import dev.threadline.examples.console.booking.BookingTools;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The spa's knowledge base and booking tools behind the library's offline responder, wrapped by the
 * booking completion, as the app wires them with no AI provider.
 */
class MedSpaReceptionistTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Clock MONDAY_8AM = Clock.fixed(LocalDateTime.of(2026, 11, 23, 8, 0).atZone(ZONE).toInstant(), ZONE);

    private final AppointmentCalendar calendar = new AppointmentCalendar(MedSpa.hours(), ZONE, MONDAY_8AM, Duration.ofMinutes(30));
    private final BookingTools tools = new BookingTools(calendar);
    private final MessageManager manager = MessageManager.builder()
            .clock(MONDAY_8AM)
            .channel(new SimulatorChannel(ChannelId.SMS))
            .responder(new BookingResponder(new KnowledgeBaseResponder(MedSpa.knowledgeBase()), ZONE))
            .tool(tools.checkAvailability())
            .tool(tools.bookAppointment())
            .build();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void bookingRequestForANamedTreatmentGetsOpenTimesFromTheCalendar() {
        assertThat(replyTo("Hi, can I book a HydraFacial?"))
                .isEqualTo("Here is our availability for HydraFacial: Mon Nov 23 at 9:00 AM, Tue Nov 24 at 9:00 AM "
                        + "or Wed Nov 25 at 9:00 AM. Which time works for you?");
    }

    @Test
    void priceQuestionIsAnsweredFromTheMenu() {
        assertThat(replyTo("How much is Botox?")).startsWith("Botox is $12 per unit (most areas 20–40 units) and takes about 30 minutes.");
    }

    @Test
    void hoursQuestionIsAnsweredFromTheWeeklyHours() {
        assertThat(replyTo("What are your hours on Saturday?")).contains("Our hours are Mon–Fri 9am–6pm, Sat 10am–4pm, Sun closed.");
    }

    @Test
    void faqIsAnsweredByKeyword() {
        assertThat(replyTo("Is there parking nearby?")).contains("free parking in the garage");
    }

    @Test
    void pickingAnOfferedTimeBooksItAndConfirms() {
        replyTo("Hi, can I book a HydraFacial?");

        assertThat(replyTo("Tuesday works for me"))
                .isEqualTo("You're all set! Booked HydraFacial for Emily Chen on Tue Nov 24 at 9:00 AM (60 minutes). "
                        + "Confirmation code GLOW-0001. Reply here if you need to change anything.");
        assertThat(calendar.appointments()).singleElement()
                .extracting(a -> a.start()).isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 0));
    }

    @Test
    void questionAfterAnOfferIsAnsweredWithoutBooking() {
        replyTo("Hi, can I book a HydraFacial?");

        assertThat(replyTo("Where do I park?")).contains("free parking in the garage");
        assertThat(calendar.appointments()).isEmpty();
    }

    @Test
    void timeAlreadyBookedIsNotBookedTwice() {
        replyTo("Hi, can I book a HydraFacial?");
        replyTo("Tuesday works for me");

        assertThat(replyTo("Tuesday works for me")).doesNotStartWith("You're all set!");
        assertThat(calendar.appointments()).hasSize(1);
    }

    private String replyTo(String text) {
        var result = manager.receive(InboundMessage.builder("glow", ChannelId.SMS)
                .customerName("Emily Chen").customerPhone("+14155550142").body(text).generateAiReply(true).build());
        assertThat(result.aiReply()).as("AI reply").isNotNull();
        return result.aiReply().body();
    }
}
