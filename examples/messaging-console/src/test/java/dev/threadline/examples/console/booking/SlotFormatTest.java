package dev.threadline.examples.console.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotFormatTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void displaysWeekdayDateAndTwelveHourTime() {
        assertThat(SlotFormat.display(LocalDateTime.of(2026, 11, 23, 14, 30))).isEqualTo("Mon Nov 23 at 2:30 PM");
    }

    @Test
    void readsBackWhatItDisplays() {
        LocalDateTime slot = LocalDateTime.of(2026, 11, 23, 9, 0);

        assertThat(SlotFormat.parse(SlotFormat.display(slot), TODAY)).isEqualTo(slot);
    }

    @Test
    void readsNoonAndMidnightHours() {
        assertThat(SlotFormat.parse("Mon Nov 23 at 12:00 PM", TODAY)).isEqualTo(LocalDateTime.of(2026, 11, 23, 12, 0));
    }

    @Test
    void readsIsoLocalDateTime() {
        assertThat(SlotFormat.parse(" 2026-11-24T10:30 ", TODAY)).isEqualTo(LocalDateTime.of(2026, 11, 24, 10, 30));
    }

    @Test
    void displayedDateBeforeTodayMeansNextYear() {
        assertThat(SlotFormat.parse("Sat Jan 2 at 10:00 AM", LocalDate.of(2026, 12, 30)))
                .isEqualTo(LocalDateTime.of(2027, 1, 2, 10, 0));
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
