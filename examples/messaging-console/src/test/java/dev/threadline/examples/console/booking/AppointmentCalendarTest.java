package dev.threadline.examples.console.booking;

import static dev.threadline.examples.console.booking.CalendarFixtures.MONDAY_8AM;
import static dev.threadline.examples.console.booking.CalendarFixtures.calendarAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class AppointmentCalendarTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final LocalDate MONDAY = MONDAY_8AM.toLocalDate();

    private final AppointmentCalendar calendar = calendarAt(MONDAY_8AM);

    @Test
    void slotsRunFromOpeningUntilTheAppointmentStillEndsByClosing() {
        var slots = calendar.freeSlots(MONDAY, HOUR);

        assertThat(slots).first().isEqualTo(MONDAY.atTime(9, 0));
        assertThat(slots).last().isEqualTo(MONDAY.atTime(17, 0));
        assertThat(slots).hasSize(17);
    }

    @Test
    void closedDayHasNoSlots() {
        assertThat(calendar.freeSlots(MONDAY.plusDays(6), HALF_HOUR)).isEmpty();
    }

    @Test
    void timesAlreadyPastAreNotOffered() {
        AppointmentCalendar midMorning = calendarAt(MONDAY.atTime(10, 10));

        assertThat(midMorning.freeSlots(MONDAY, HALF_HOUR)).first().isEqualTo(MONDAY.atTime(10, 30));
    }

    @Test
    void bookedTimeAndEveryOverlappingStartDisappearFromTheFreeSlots() {
        calendar.book("HydraFacial", "Ana", MONDAY.atTime(10, 0), HOUR, "k1");

        assertThat(calendar.freeSlots(MONDAY, HOUR))
                .contains(MONDAY.atTime(9, 0), MONDAY.atTime(11, 0))
                .doesNotContain(MONDAY.atTime(9, 30), MONDAY.atTime(10, 0), MONDAY.atTime(10, 30));
    }

    @Test
    void bookingATakenTimeIsRefused() {
        calendar.book("Botox", "Ana", MONDAY.atTime(10, 0), HOUR, "k1");

        assertThatThrownBy(() -> calendar.book("Botox", "Ben", MONDAY.atTime(10, 30), HALF_HOUR, "k2"))
                .isInstanceOf(SlotUnavailableException.class)
                .hasMessageContaining("Mon Nov 23 at 10:30 AM is not available");
    }

    @Test
    void bookingOnAClosedDayIsRefused() {
        assertThatThrownBy(() -> calendar.book("Botox", "Ana", MONDAY.plusDays(6).atTime(11, 0), HALF_HOUR, "k1"))
                .isInstanceOf(SlotUnavailableException.class);
    }

    @Test
    void bookingOffTheHalfHourGridIsRefused() {
        assertThatThrownBy(() -> calendar.book("Botox", "Ana", MONDAY.atTime(9, 15), HALF_HOUR, "k1"))
                .isInstanceOf(SlotUnavailableException.class);
    }

    @Test
    void repeatedIdempotencyKeyReturnsTheFirstBookingWithoutTakingAnotherSlot() {
        Appointment first = calendar.book("Botox", "Ana", MONDAY.atTime(9, 0), HALF_HOUR, "same");
        Appointment again = calendar.book("Botox", "Ana", MONDAY.atTime(9, 0), HALF_HOUR, "same");

        assertThat(again).isEqualTo(first);
        assertThat(calendar.appointments()).containsExactly(first);
    }

    @Test
    void bookingsGetDistinctConfirmationCodes() {
        Appointment first = calendar.book("Botox", "Ana", MONDAY.atTime(9, 0), HALF_HOUR, "k1");
        Appointment second = calendar.book("Botox", "Ben", MONDAY.atTime(9, 30), HALF_HOUR, "k2");

        assertThat(first.reference()).isNotEqualTo(second.reference());
    }

    @Test
    void firstFreeSlotsSkipPastTimesAndClosedDays() {
        LocalDateTime saturdayLate = LocalDate.of(2026, 11, 28).atTime(15, 45);

        assertThat(calendarAt(saturdayLate).firstFreeSlots(HALF_HOUR, 3)).containsExactly(
                LocalDate.of(2026, 11, 30).atTime(9, 0),
                LocalDate.of(2026, 12, 1).atTime(9, 0),
                LocalDate.of(2026, 12, 2).atTime(9, 0));
    }

    @Test
    void firstFreeSlotOfADayMovesPastItsBookings() {
        calendar.book("Botox", "Ana", MONDAY.atTime(9, 0), HOUR, "k1");

        assertThat(calendar.firstFreeSlots(HALF_HOUR, 1)).containsExactly(MONDAY.atTime(LocalTime.of(10, 0)));
    }
}
