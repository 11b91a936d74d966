package dev.threadline.examples.console.medspa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.booking.AppointmentCalendar;
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

/** The spa's knowledge base and booking tools behind the library's offline responder, as the app wires them. */
class MedSpaReceptionistTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final Clock MONDAY_8AM = Clock.fixed(LocalDateTime.of(2026, 11, 23, 8, 0).atZone(ZONE).toInstant(), ZONE);

    private final BookingTools tools = new BookingTools(
            new AppointmentCalendar(MedSpa.hours(), ZONE, MONDAY_8AM, Duration.ofMinutes(30)));
    private final MessageManager manager = MessageManager.builder()
            .clock(MONDAY_8AM)
            .channel(new SimulatorChannel(ChannelId.SMS))
            .responder(new KnowledgeBaseResponder(MedSpa.knowledgeBase()))
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

    private String replyTo(String text) {
        var result = manager.receive(InboundMessage.builder("glow", ChannelId.SMS)
                .customerName("Emily Chen").customerPhone("+14155550142").body(text).generateAiReply(true).build());
        assertThat(result.aiReply()).as("AI reply").isNotNull();
        return result.aiReply().body();
    }
}
