package dev.threadline.examples.console.medspa;

import static dev.threadline.examples.console.booking.CalendarFixtures.calendarAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.SpaMoment;
import dev.threadline.examples.console.booking.Appointment;
import dev.threadline.examples.console.booking.AppointmentCalendar;
import dev.threadline.examples.console.booking.BookingResponder;
import dev.threadline.examples.console.booking.BookingTools;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spa's knowledge base and booking tools behind the library's offline responder, wrapped by the
 * booking completion, as the app wires them with no AI provider.
 */
class MedSpaReceptionistTest {

    private final List<MessageManager> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(MessageManager::close);
    }

    /** The receptionist at one moment: its calendar, and the manager that answers the customer through it. */
    private record Receptionist(AppointmentCalendar calendar, MessageManager manager) {

        String replyTo(String text) {
            var result = manager.receive(InboundMessage.builder("glow", ChannelId.SMS)
                    .customerName("Emily Chen").customerPhone("+14155550142").body(text).generateAiReply(true).build());
            assertThat(result.aiReply()).as("AI reply").isNotNull();
            return result.aiReply().body();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATE_NOVEMBER  | Mon Nov 23 at 9:00 AM, Tue Nov 24 at 9:00 AM or Wed Nov 25 at 9:00 AM",
            "NEW_YEARS_EVE  | Thu Dec 31 at 9:00 AM, Fri Jan 1 at 9:00 AM or Sat Jan 2 at 10:00 AM",
            "FALL_BACK      | Mon Nov 2 at 9:00 AM, Tue Nov 3 at 9:00 AM or Wed Nov 4 at 9:00 AM",
            "SPRING_FORWARD | Mon Mar 15 at 9:00 AM, Tue Mar 16 at 9:00 AM or Wed Mar 17 at 9:00 AM"})
    void bookingRequestForANamedTreatmentGetsOpenTimesFromTheCalendar(SpaMoment moment, String offered) {
        Receptionist spa = openAt(moment);

        assertThat(spa.replyTo("Hi, can I book a HydraFacial?"))
                .isEqualTo("Here is our availability for HydraFacial: " + offered + ". Which time works for you?");
    }

    @Test
    void priceQuestionIsAnsweredFromTheMenu() {
        Receptionist spa = openAt(SpaMoment.LATE_NOVEMBER);

        assertThat(spa.replyTo("How much is Botox?")).startsWith("Botox: $12 per unit (most areas 20–40 units), about 30 minutes.");
    }

    @Test
    void hoursQuestionIsAnsweredFromTheWeeklyHours() {
        Receptionist spa = openAt(SpaMoment.LATE_NOVEMBER);

        assertThat(spa.replyTo("What are your hours on Saturday?")).contains("Our hours are Mon–Fri 9am–6pm, Sat 10am–4pm, Sun closed.");
    }

    @Test
    void faqIsAnsweredByKeyword() {
        Receptionist spa = openAt(SpaMoment.LATE_NOVEMBER);

        assertThat(spa.replyTo("Is there parking nearby?")).contains("free parking in the garage");
    }

    @ParameterizedTest
    @CsvSource({
            "LATE_NOVEMBER,  Tuesday works for me,  Tue Nov 24 at 9:00 AM, 2026-11-24T09:00",
            "NEW_YEARS_EVE,  Saturday works for me, Sat Jan 2 at 10:00 AM, 2027-01-02T10:00",
            "FALL_BACK,      Tuesday works for me,  Tue Nov 3 at 9:00 AM,  2026-11-03T09:00",
            "SPRING_FORWARD, Tuesday works for me,  Tue Mar 16 at 9:00 AM, 2021-03-16T09:00"})
    void pickingAnOfferedTimeBooksItAndConfirms(SpaMoment moment, String reply, String booked, LocalDateTime start) {
        Receptionist spa = openAt(moment);
        spa.replyTo("Hi, can I book a HydraFacial?");

        assertThat(spa.replyTo(reply))
                .isEqualTo("You're all set! Booked HydraFacial for Emily Chen on " + booked + " (60 minutes). "
                        + "Confirmation code GLOW-0001. Reply here if you need to change anything.");
        assertThat(spa.calendar().appointments()).singleElement().extracting(Appointment::start).isEqualTo(start);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATE_NOVEMBER | Wednesday the 24th works for me | Nov 24 is a Tuesday, not a Wednesday. "
                    + "Did you mean Tue Nov 24 at 9:00 AM or Wed Nov 25 at 9:00 AM?",
            "NEW_YEARS_EVE | Saturday Jan 1 please           | Jan 1 is a Friday, not a Saturday. "
                    + "Did you mean Fri Jan 1 at 9:00 AM or Sat Jan 2 at 10:00 AM?"})
    void replyWhoseWeekdayAndDateDisagreeGetsAQuestionInsteadOfABooking(SpaMoment moment, String reply, String question) {
        Receptionist spa = openAt(moment);
        spa.replyTo("Hi, can I book a HydraFacial?");

        assertThat(spa.replyTo(reply)).isEqualTo(question);
        assertThat(spa.calendar().appointments()).isEmpty();
    }

    @Test
    void answerToTheQuestionBooksTheTimeMeant() {
        Receptionist spa = openAt(SpaMoment.LATE_NOVEMBER);
        spa.replyTo("Hi, can I book a HydraFacial?");
        spa.replyTo("Wednesday the 24th works for me");

        assertThat(spa.replyTo("Sorry, Tuesday")).startsWith("You're all set! Booked HydraFacial for Emily Chen on Tue Nov 24 at 9:00 AM");
    }

    @Test
    void questionAfterAnOfferIsAnsweredWithoutBooking() {
        Receptionist spa = openAt(SpaMoment.LATE_NOVEMBER);
        spa.replyTo("Hi, can I book a HydraFacial?");

        assertThat(spa.replyTo("Where do I park?")).contains("free parking in the garage");
        assertThat(spa.calendar().appointments()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "LATE_NOVEMBER,  Tuesday works for me",
            "NEW_YEARS_EVE,  Saturday works for me",
            "FALL_BACK,      Tuesday works for me",
            "SPRING_FORWARD, Tuesday works for me"})
    void timeAlreadyBookedIsNotBookedTwice(SpaMoment moment, String reply) {
        Receptionist spa = openAt(moment);
        spa.replyTo("Hi, can I book a HydraFacial?");
        spa.replyTo(reply);

        assertThat(spa.replyTo(reply)).doesNotStartWith("You're all set!");
        assertThat(spa.calendar().appointments()).hasSize(1);
    }

    private Receptionist openAt(SpaMoment moment) {
        AppointmentCalendar calendar = calendarAt(moment);
        BookingTools tools = new BookingTools(calendar);
        MessageManager manager = MessageManager.builder()
                .clock(moment.clock())
                .channel(new SimulatorChannel(ChannelId.SMS))
                .responder(new BookingResponder(new KnowledgeBaseResponder(MedSpa.knowledgeBase("glow")), calendar))
                .tool(tools.checkAvailability())
                .tool(tools.bookAppointment())
                .build();
        opened.add(manager);
        return new Receptionist(calendar, manager);
    }
}
