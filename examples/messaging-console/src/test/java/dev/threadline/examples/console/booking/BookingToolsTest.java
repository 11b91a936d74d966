package dev.threadline.examples.console.booking;

import static dev.threadline.examples.console.booking.CalendarFixtures.MONDAY_8AM;
import static dev.threadline.examples.console.booking.CalendarFixtures.calendarAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.spi.ToolInvocation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BookingToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppointmentCalendar calendar = calendarAt(MONDAY_8AM);
    private final BookingTools tools = new BookingTools(calendar);

    @Test
    void availabilityOffersTheFirstTimeOfTheNextThreeOpenDays() {
        assertThat(tools.available(call("check_availability", "{\"service\":\"Botox\"}")))
                .isEqualTo("Mon Nov 23 at 9:00 AM, Tue Nov 24 at 9:00 AM or Wed Nov 25 at 9:00 AM");
    }

    @Test
    void availabilityForADateListsTheFirstTimesOfThatDay() {
        assertThat(tools.available(call("check_availability", "{\"service\":\"HydraFacial\",\"date\":\"2026-11-28\"}")))
                .startsWith("Sat Nov 28 at 10:00 AM, Sat Nov 28 at 10:30 AM")
                .endsWith("or Sat Nov 28 at 12:30 PM");
    }

    @Test
    void availabilityAcceptsATreatmentAlias() {
        assertThat(tools.available(call("check_availability", "{\"service\":\"tox\"}"))).startsWith("Mon Nov 23 at 9:00 AM");
    }

    @Test
    void unknownTreatmentIsReportedWithTheMenu() {
        assertThatThrownBy(() -> tools.available(call("check_availability", "{\"service\":\"tattoo removal\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'tattoo removal'")
                .hasMessageContaining("Botox, Dermal fillers");
    }

    @Test
    void malformedDateIsReported() {
        assertThatThrownBy(() -> tools.available(call("check_availability", "{\"service\":\"Botox\",\"date\":\"Tuesday\"}")))
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void bookingConfirmsWithACode() {
        String result = tools.book(call("book_appointment",
                "{\"service\":\"Botox\",\"start\":\"Tue Nov 24 at 9:00 AM\",\"customer_name\":\"Emily Chen\"}"));

        assertThat(result).isEqualTo("Booked Botox for Emily Chen on Tue Nov 24 at 9:00 AM (30 minutes). Confirmation code GLOW-0001.");
    }

    @Test
    void bookingHoldsTheTreatmentsFullLength() {
        tools.book(call("book_appointment", "{\"service\":\"HydraFacial\",\"start\":\"2026-11-24T09:00\",\"customer_name\":\"Ana\"}"));

        assertThat(calendar.freeSlots(MONDAY_8AM.toLocalDate().plusDays(1), Duration.ofMinutes(30))).first()
                .isEqualTo(MONDAY_8AM.toLocalDate().plusDays(1).atTime(10, 0));
    }

    @Test
    void bookingWithoutACustomerNameIsRefused() {
        assertThatThrownBy(() -> tools.book(call("book_appointment", "{\"service\":\"Botox\",\"start\":\"2026-11-24T09:00\"}")))
                .hasMessageContaining("customer_name");
    }

    @Test
    void bookAppointmentToolIsSideEffectingAndCheckAvailabilityIsNot() {
        assertThat(tools.bookAppointment().sideEffecting()).isTrue();
        assertThat(tools.checkAvailability().sideEffecting()).isFalse();
    }

    private static ToolInvocation call(String tool, String arguments) {
        try {
            return new ToolInvocation("t1", "c1", tool, JSON.readTree(arguments), tool + ":" + arguments);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
