package dev.threadline.examples.console.booking;

import static dev.threadline.examples.console.booking.CalendarFixtures.calendarAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.examples.console.SpaMoment;
import dev.threadline.messaging.spi.ToolInvocation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookingToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATE_NOVEMBER  | Mon Nov 23 at 9:00 AM, Tue Nov 24 at 9:00 AM or Wed Nov 25 at 9:00 AM",
            "NEW_YEARS_EVE  | Thu Dec 31 at 9:00 AM, Fri Jan 1 at 9:00 AM or Sat Jan 2 at 10:00 AM",
            "FALL_BACK      | Mon Nov 2 at 9:00 AM, Tue Nov 3 at 9:00 AM or Wed Nov 4 at 9:00 AM",
            "SPRING_FORWARD | Mon Mar 15 at 9:00 AM, Tue Mar 16 at 9:00 AM or Wed Mar 17 at 9:00 AM"})
    void availabilityOffersTheFirstTimeOfTheNextThreeOpenDays(SpaMoment moment, String offered) {
        assertThat(toolsAt(moment).available(call("check_availability", "{\"service\":\"Botox\"}")))
                .isEqualTo(offered);
    }

    @ParameterizedTest
    @CsvSource({
            "LATE_NOVEMBER,  2026-11-28, Sat Nov 28",
            "NEW_YEARS_EVE,  2027-01-02, Sat Jan 2",
            "FALL_BACK,      2026-11-07, Sat Nov 7",
            "SPRING_FORWARD, 2021-03-20, Sat Mar 20"})
    void availabilityForADateListsTheFirstTimesOfThatDay(SpaMoment moment, LocalDate date, String day) {
        String available = toolsAt(moment)
                .available(call("check_availability", "{\"service\":\"HydraFacial\",\"date\":\"" + date + "\"}"));

        assertThat(available)
                .startsWith(day + " at 10:00 AM, " + day + " at 10:30 AM")
                .endsWith("or " + day + " at 12:30 PM");
    }

    @Test
    void availabilityAcceptsATreatmentAlias() {
        assertThat(toolsAt(SpaMoment.LATE_NOVEMBER).available(call("check_availability", "{\"service\":\"tox\"}")))
                .startsWith("Mon Nov 23 at 9:00 AM");
    }

    @Test
    void unknownTreatmentIsReportedWithTheMenu() {
        assertThatThrownBy(() -> toolsAt(SpaMoment.LATE_NOVEMBER).available(call("check_availability", "{\"service\":\"tattoo removal\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'tattoo removal'")
                .hasMessageContaining("Botox, Dermal fillers");
    }

    @Test
    void malformedDateIsReported() {
        assertThatThrownBy(() -> toolsAt(SpaMoment.LATE_NOVEMBER).available(call("check_availability", "{\"service\":\"Botox\",\"date\":\"Tuesday\"}")))
                .hasMessageContaining("YYYY-MM-DD");
    }

    @ParameterizedTest
    @CsvSource({
            "LATE_NOVEMBER,  Tue Nov 24 at 9:00 AM,  2026-11-24T09:00",
            "NEW_YEARS_EVE,  Sat Jan 2 at 10:00 AM,  2027-01-02T10:00",
            "FALL_BACK,      Tue Nov 3 at 9:00 AM,   2026-11-03T09:00",
            "SPRING_FORWARD, Tue Mar 16 at 9:00 AM,  2021-03-16T09:00"})
    void bookingConfirmsWithACode(SpaMoment moment, String start, LocalDateTime expectedStart) {
        AppointmentCalendar calendar = calendarAt(moment);

        String result = new BookingTools(calendar).book(call("book_appointment",
                "{\"service\":\"Botox\",\"start\":\"" + start + "\",\"customer_name\":\"Emily Chen\"}"));

        assertThat(result).isEqualTo("Booked Botox for Emily Chen on " + start + " (30 minutes). Confirmation code GLOW-0001.");
        assertThat(calendar.appointments()).singleElement().extracting(Appointment::start).isEqualTo(expectedStart);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATE_NOVEMBER  | Wed Nov 24 at 9:00 AM  | Nov 24 is a Tuesday. Did you mean Tue Nov 24 at 9:00 AM or Wed Nov 25 at 9:00 AM?",
            "NEW_YEARS_EVE  | Sat Jan 1 at 10:00 AM  | Jan 1 is a Friday. Did you mean Fri Jan 1 at 10:00 AM or Sat Jan 2 at 10:00 AM?",
            "SPRING_FORWARD | Tue Mar 17 at 9:00 AM  | Mar 17 is a Wednesday. Did you mean Wed Mar 17 at 9:00 AM or Tue Mar 16 at 9:00 AM?"})
    void startWhoseWeekdayIsNotItsDatesIsRefusedWithBothReadings(SpaMoment moment, String start, String question) {
        AppointmentCalendar calendar = calendarAt(moment);
        BookingTools tools = new BookingTools(calendar);

        assertThatThrownBy(() -> tools.book(call("book_appointment",
                "{\"service\":\"Botox\",\"start\":\"" + start + "\",\"customer_name\":\"Emily Chen\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(start + " names the wrong weekday: " + question);
        assertThat(calendar.appointments()).isEmpty();
    }

    /** A date a few days back is last week's, not the same date next year. */
    @ParameterizedTest
    @CsvSource({
            "LATE_NOVEMBER,  Fri Nov 20 at 9:00 AM",
            "NEW_YEARS_EVE,  Tue Dec 29 at 9:00 AM",
            "FALL_BACK,      Fri Oct 30 at 9:00 AM",
            "SPRING_FORWARD, Fri Mar 12 at 9:00 AM"})
    void startThatHasJustPassedIsRefusedAsPassed(SpaMoment moment, String start) {
        AppointmentCalendar calendar = calendarAt(moment);
        BookingTools tools = new BookingTools(calendar);

        assertThatThrownBy(() -> tools.book(call("book_appointment",
                "{\"service\":\"Botox\",\"start\":\"" + start + "\",\"customer_name\":\"Emily Chen\"}")))
                .isInstanceOf(SlotUnavailableException.class)
                .hasMessageStartingWith(start + " has already passed");
        assertThat(calendar.appointments()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "LATE_NOVEMBER,  2026-11-24",
            "NEW_YEARS_EVE,  2027-01-01",
            "FALL_BACK,      2026-11-03",
            "SPRING_FORWARD, 2021-03-16"})
    void bookingHoldsTheTreatmentsFullLength(SpaMoment moment, LocalDate day) {
        AppointmentCalendar calendar = calendarAt(moment);

        new BookingTools(calendar).book(call("book_appointment",
                "{\"service\":\"HydraFacial\",\"start\":\"" + day.atTime(9, 0) + "\",\"customer_name\":\"Ana\"}"));

        assertThat(calendar.freeSlots(day, Duration.ofMinutes(30))).first().isEqualTo(day.atTime(10, 0));
    }

    @Test
    void bookingWithoutACustomerNameIsRefused() {
        assertThatThrownBy(() -> toolsAt(SpaMoment.LATE_NOVEMBER).book(call("book_appointment", "{\"service\":\"Botox\",\"start\":\"2026-11-24T09:00\"}")))
                .hasMessageContaining("customer_name");
    }

    @Test
    void bookAppointmentToolIsSideEffectingAndCheckAvailabilityIsNot() {
        BookingTools tools = toolsAt(SpaMoment.LATE_NOVEMBER);

        assertThat(tools.bookAppointment().sideEffecting()).isTrue();
        assertThat(tools.checkAvailability().sideEffecting()).isFalse();
    }

    private static BookingTools toolsAt(SpaMoment moment) {
        return new BookingTools(calendarAt(moment));
    }

    private static ToolInvocation call(String tool, String arguments) {
        try {
            return new ToolInvocation("t1", "c1", tool, JSON.readTree(arguments), tool + ":" + arguments);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
