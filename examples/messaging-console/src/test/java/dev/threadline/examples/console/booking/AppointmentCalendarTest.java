package dev.threadline.examples.console.booking;

import static dev.threadline.examples.console.booking.CalendarFixtures.calendarAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.examples.console.SpaMoment;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AppointmentCalendarTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);
    private static final Duration HOUR = Duration.ofHours(1);

    /**
     * A calendar at one of the test moments, the first weekday (Mon–Fri, 9am–6pm) it has not yet opened on,
     * and a Sunday, when the spa is closed.
     */
    record Week(SpaMoment moment, LocalDate weekday, LocalDate sunday) {
        AppointmentCalendar calendar() {
            return calendarAt(moment);
        }
    }

    static Stream<Week> weeks() {
        return Stream.of(
                new Week(SpaMoment.LATE_NOVEMBER, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)),
                new Week(SpaMoment.NEW_YEARS_EVE, LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 3)),
                new Week(SpaMoment.FALL_BACK, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1)),
                new Week(SpaMoment.SPRING_FORWARD, LocalDate.of(2021, 3, 15), LocalDate.of(2021, 3, 14)));
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void slotsRunFromOpeningUntilTheAppointmentStillEndsByClosing(Week week) {
        var slots = week.calendar().freeSlots(week.weekday(), HOUR);

        assertThat(slots).first().isEqualTo(week.weekday().atTime(9, 0));
        assertThat(slots).last().isEqualTo(week.weekday().atTime(17, 0));
        assertThat(slots).hasSize(17);
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void closedDayHasNoSlots(Week week) {
        assertThat(week.calendar().freeSlots(week.sunday(), HALF_HOUR)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void timesAlreadyPastAreNotOffered(Week week) {
        AppointmentCalendar midMorning = calendarAt(week.weekday().atTime(10, 10));

        assertThat(midMorning.freeSlots(week.weekday(), HALF_HOUR)).first().isEqualTo(week.weekday().atTime(10, 30));
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void bookedTimeAndEveryOverlappingStartDisappearFromTheFreeSlots(Week week) {
        AppointmentCalendar calendar = week.calendar();
        LocalDate day = week.weekday();

        calendar.book("HydraFacial", "Ana", day.atTime(10, 0), HOUR, "k1");

        assertThat(calendar.freeSlots(day, HOUR))
                .contains(day.atTime(9, 0), day.atTime(11, 0))
                .doesNotContain(day.atTime(9, 30), day.atTime(10, 0), day.atTime(10, 30));
    }

    @Test
    void bookingATakenTimeIsRefused() {
        AppointmentCalendar calendar = calendarAt(SpaMoment.LATE_NOVEMBER);
        calendar.book("Botox", "Ana", LocalDateTime.of(2026, 11, 23, 10, 0), HOUR, "k1");

        assertThatThrownBy(() -> calendar.book("Botox", "Ben", LocalDateTime.of(2026, 11, 23, 10, 30), HALF_HOUR, "k2"))
                .isInstanceOf(SlotUnavailableException.class)
                .hasMessage("Mon Nov 23 at 10:30 AM is not available; call check_availability for open times");
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void bookingATimeThatHasPassedIsRefusedAsPassed(Week week) {
        AppointmentCalendar midMorning = calendarAt(week.weekday().atTime(10, 10));

        assertThatThrownBy(() -> midMorning.book("Botox", "Ana", week.weekday().atTime(9, 30), HALF_HOUR, "k1"))
                .isInstanceOf(SlotUnavailableException.class)
                .hasMessageContaining("at 9:30 AM has already passed");
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void bookingOnAClosedDayIsRefused(Week week) {
        assertThatThrownBy(() -> week.calendar().book("Botox", "Ana", week.sunday().atTime(11, 0), HALF_HOUR, "k1"))
                .isInstanceOf(SlotUnavailableException.class)
                .hasMessageContaining("is not available");
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void bookingOffTheHalfHourGridIsRefused(Week week) {
        assertThatThrownBy(() -> week.calendar().book("Botox", "Ana", week.weekday().atTime(9, 15), HALF_HOUR, "k1"))
                .isInstanceOf(SlotUnavailableException.class);
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void repeatedIdempotencyKeyReturnsTheFirstBookingWithoutTakingAnotherSlot(Week week) {
        AppointmentCalendar calendar = week.calendar();

        Appointment first = calendar.book("Botox", "Ana", week.weekday().atTime(9, 0), HALF_HOUR, "same");
        Appointment again = calendar.book("Botox", "Ana", week.weekday().atTime(9, 0), HALF_HOUR, "same");

        assertThat(again).isEqualTo(first);
        assertThat(calendar.appointments()).containsExactly(first);
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void bookingsGetDistinctConfirmationCodes(Week week) {
        AppointmentCalendar calendar = week.calendar();

        Appointment first = calendar.book("Botox", "Ana", week.weekday().atTime(9, 0), HALF_HOUR, "k1");
        Appointment second = calendar.book("Botox", "Ben", week.weekday().atTime(9, 30), HALF_HOUR, "k2");

        assertThat(first.reference()).isNotEqualTo(second.reference());
    }

    /** Saturday closes at 4pm and Sunday is closed; each row crosses a weekend, the last two a change of clocks. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-28T15:45, 2026-11-30T09:00, 2026-12-01T09:00, 2026-12-02T09:00",
            "2026-12-31T17:45, 2027-01-01T09:00, 2027-01-02T10:00, 2027-01-04T09:00",
            "2026-10-31T15:45, 2026-11-02T09:00, 2026-11-03T09:00, 2026-11-04T09:00",
            "2021-03-13T15:45, 2021-03-15T09:00, 2021-03-16T09:00, 2021-03-17T09:00"})
    void firstFreeSlotsSkipPastTimesAndClosedDays(LocalDateTime localNow, LocalDateTime first, LocalDateTime second,
                                                  LocalDateTime third) {
        assertThat(calendarAt(localNow).firstFreeSlots(HALF_HOUR, 3)).containsExactly(first, second, third);
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void firstFreeSlotOfADayMovesPastItsBookings(Week week) {
        AppointmentCalendar calendar = week.calendar();

        calendar.book("Botox", "Ana", week.weekday().atTime(9, 0), HOUR, "k1");

        assertThat(calendar.firstFreeSlots(HALF_HOUR, 1)).containsExactly(week.weekday().atTime(10, 0));
    }

    /** 8pm in New York on New Year's Eve is already January 1 in UTC. */
    @Test
    void todayIsTheSpasDateNotUtcs() {
        assertThat(calendarAt(LocalDateTime.of(2026, 12, 31, 20, 0)).today()).isEqualTo(LocalDate.of(2026, 12, 31));
    }
}
