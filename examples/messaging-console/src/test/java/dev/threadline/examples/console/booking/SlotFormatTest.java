package dev.threadline.examples.console.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.examples.console.SpaMoment;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SlotFormatTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void displaysWeekdayDateAndTwelveHourTime() {
        assertThat(SlotFormat.display(LocalDateTime.of(2026, 11, 23, 14, 30))).isEqualTo("Mon Nov 23 at 2:30 PM");
    }

    /** Every test moment, with times from last week to the end of the calendar's horizon. */
    static Stream<Arguments> timesAroundEachMoment() {
        return Arrays.stream(SpaMoment.values()).flatMap(moment -> Stream.of(-5, 0, 1, 10, 40, AppointmentCalendar.HORIZON_DAYS)
                .map(days -> Arguments.of(moment.today(), moment.today().plusDays(days).atTime(9, 30))));
    }

    @ParameterizedTest
    @MethodSource("timesAroundEachMoment")
    void readsBackWhatItDisplays(LocalDate today, LocalDateTime slot) {
        assertThat(SlotFormat.parse(SlotFormat.display(slot), today)).isEqualTo(slot);
    }

    @Test
    void readsNoonAndMidnightHours() {
        assertThat(SlotFormat.parse("Mon Nov 23 at 12:00 PM", TODAY)).isEqualTo(LocalDateTime.of(2026, 11, 23, 12, 0));
        assertThat(SlotFormat.parse("Mon Nov 23 at 12:30 AM", TODAY)).isEqualTo(LocalDateTime.of(2026, 11, 23, 0, 30));
    }

    @Test
    void readsIsoLocalDateTime() {
        assertThat(SlotFormat.parse(" 2026-11-24T10:30 ", TODAY)).isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 30));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-12-30, Sat Jan 2 at 10:00 AM, 2027-01-02T10:00",
            "2027-01-02, Wed Dec 30 at 9:00 AM, 2026-12-30T09:00",
            "2026-11-21, Tue Nov 24 at 9:00 AM, 2026-11-24T09:00",
            "2026-12-03, Tue Nov 24 at 9:00 AM, 2026-11-24T09:00"})
    void yearlessDateIsTheOneNearestToday(LocalDate today, String text, LocalDateTime expected) {
        assertThat(SlotFormat.parse(text, today)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-03 | Wed Nov 24 at 9:00 AM | Nov 24 is a Tuesday. Did you mean Tue Nov 24 at 9:00 AM or Wed Nov 25 at 9:00 AM?",
            "2027-11-01 | Tue Nov 24 at 9:00 AM | Nov 24 is a Wednesday. Did you mean Wed Nov 24 at 9:00 AM or Tue Nov 23 at 9:00 AM?",
            "2026-12-30 | Sun Jan 2 at 10:00 AM | Jan 2 is a Saturday. Did you mean Sat Jan 2 at 10:00 AM or Sun Jan 3 at 10:00 AM?"})
    void weekdayThatIsNotTheDatesIsRefusedWithBothReadings(LocalDate today, String text, String question) {
        assertThatThrownBy(() -> SlotFormat.parse(text, today))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(text + " names the wrong weekday: " + question);
    }

    @Test
    void leapDayFarFromALeapYearIsRefused() {
        assertThatThrownBy(() -> SlotFormat.parse("Sun Feb 29 at 9:00 AM", LocalDate.of(2026, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void unreadableTimeIsRefusedWithTheExpectedForms() {
        assertThatThrownBy(() -> SlotFormat.parse("next Tuesday-ish", TODAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Mon Nov 23 at 9:00 AM");
    }

    @Test
    void listsSlotsWithCommasAndOr() {
        assertThat(SlotFormat.displayList(List.of(LocalDateTime.of(2026, 11, 23, 9, 0), LocalDateTime.of(2026, 11, 24, 9, 0),
                LocalDateTime.of(2026, 11, 25, 10, 0))))
                .isEqualTo("Mon Nov 23 at 9:00 AM, Tue Nov 24 at 9:00 AM or Wed Nov 25 at 10:00 AM");
    }
}
