package dev.threadline.examples.console.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotChoiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final LocalDateTime MON_9 = LocalDateTime.of(2026, 11, 23, 9, 0);
    private static final LocalDateTime TUE_9 = LocalDateTime.of(2026, 11, 24, 9, 0);
    private static final LocalDateTime WED_230 = LocalDateTime.of(2026, 11, 25, 14, 30);
    private static final List<LocalDateTime> OFFERED = List.of(MON_9, TUE_9, WED_230);

    @Test
    void readsTheOfferedTimesFromAnAvailabilityAnswer() {
        assertThat(SlotChoice.offeredIn("Mon Nov 23 at 9:00 AM, Tue Nov 24 at 9:00 AM or Wed Nov 25 at 2:30 PM", TODAY))
                .containsExactly(MON_9, TUE_9, WED_230);
    }

    @Test
    void weekdayPicksThatDaysTime() {
        assertThat(SlotChoice.pick("Tuesday works for me!", OFFERED)).contains(TUE_9);
    }

    @Test
    void abbreviatedWeekdayPicksToo() {
        assertThat(SlotChoice.pick("wed please", OFFERED)).contains(WED_230);
    }

    @Test
    void timeAlonePicksWhenOnlyOneOfferedTimeHasIt() {
        assertThat(SlotChoice.pick("the 2:30 one", OFFERED)).contains(WED_230);
    }

    @Test
    void timeSharedByTwoOfferedDaysPicksNothing() {
        assertThat(SlotChoice.pick("9am is good", OFFERED)).isEmpty();
    }

    @Test
    void weekdayAndTimeTogetherPick() {
        assertThat(SlotChoice.pick("Monday at 9 please", OFFERED)).contains(MON_9);
    }

    @Test
    void ordinalPicksByPosition() {
        assertThat(SlotChoice.pick("I'll take the second one", OFFERED)).contains(TUE_9);
    }

    @Test
    void dayOfMonthIsNotMistakenForAnHour() {
        assertThat(SlotChoice.pick("Tue the 24th at 9", OFFERED)).contains(TUE_9);
    }

    @Test
    void replyThatNamesNoTimePicksNothing() {
        assertThat(SlotChoice.pick("How much does it cost?", OFFERED)).isEmpty();
    }

    @Test
    void weekdayThatWasNotOfferedPicksNothing() {
        assertThat(SlotChoice.pick("Friday?", OFFERED)).isEmpty();
    }
}
