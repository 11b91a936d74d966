package dev.threadline.examples.console.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.SpaMoment;
import dev.threadline.examples.console.booking.SlotChoice.Choice;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SlotChoiceTest {

    /** Three times offered at a test moment, two at 9am and one in the afternoon, as the availability tool wrote them. */
    record Offer(SpaMoment moment, String text, List<LocalDateTime> slots) {

        static Offer at(SpaMoment moment) {
            return switch (moment) {
                case LATE_NOVEMBER -> new Offer(moment, "Mon Nov 23 at 9:00 AM, Tue Nov 24 at 9:00 AM or Wed Nov 25 at 2:30 PM",
                        List.of(LocalDateTime.of(2026, 11, 23, 9, 0), LocalDateTime.of(2026, 11, 24, 9, 0), LocalDateTime.of(2026, 11, 25, 14, 30)));
                case NEW_YEARS_EVE -> new Offer(moment, "Thu Dec 31 at 9:00 AM, Fri Jan 1 at 9:00 AM or Sat Jan 2 at 2:30 PM",
                        List.of(LocalDateTime.of(2026, 12, 31, 9, 0), LocalDateTime.of(2027, 1, 1, 9, 0), LocalDateTime.of(2027, 1, 2, 14, 30)));
                case FALL_BACK -> new Offer(moment, "Mon Nov 2 at 9:00 AM, Tue Nov 3 at 9:00 AM or Wed Nov 4 at 2:30 PM",
                        List.of(LocalDateTime.of(2026, 11, 2, 9, 0), LocalDateTime.of(2026, 11, 3, 9, 0), LocalDateTime.of(2026, 11, 4, 14, 30)));
                case SPRING_FORWARD -> new Offer(moment, "Mon Mar 15 at 9:00 AM, Tue Mar 16 at 9:00 AM or Wed Mar 17 at 2:30 PM",
                        List.of(LocalDateTime.of(2021, 3, 15, 9, 0), LocalDateTime.of(2021, 3, 16, 9, 0), LocalDateTime.of(2021, 3, 17, 14, 30)));
            };
        }

        LocalDateTime first() {
            return slots.get(0);
        }

        LocalDateTime second() {
            return slots.get(1);
        }

        LocalDateTime third() {
            return slots.get(2);
        }

        Choice reply(String text) {
            return SlotChoice.choose(text, slots, moment.today());
        }
    }

    static Stream<Offer> offers() {
        return Arrays.stream(SpaMoment.values()).map(Offer::at);
    }

    @ParameterizedTest
    @MethodSource("offers")
    void readsTheOfferedTimesFromAnAvailabilityAnswer(Offer offer) {
        assertThat(SlotChoice.offeredIn(offer.text(), offer.moment().today())).isEqualTo(offer.slots());
    }

    @ParameterizedTest
    @MethodSource("offers")
    void weekdayPicksThatDaysTime(Offer offer) {
        assertThat(offer.reply(weekday(offer.second(), TextStyle.FULL) + " works for me!")).isEqualTo(new Choice.Picked(offer.second()));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void abbreviatedWeekdayPicksToo(Offer offer) {
        assertThat(offer.reply(weekday(offer.third(), TextStyle.SHORT).toLowerCase(Locale.ROOT) + " please"))
                .isEqualTo(new Choice.Picked(offer.third()));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void timeAlonePicksWhenOnlyOneOfferedTimeHasIt(Offer offer) {
        assertThat(offer.reply("the 2:30 one")).isEqualTo(new Choice.Picked(offer.third()));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void timeSharedByTwoOfferedDaysPicksNothing(Offer offer) {
        assertThat(offer.reply("9am is good")).isEqualTo(new Choice.None());
    }

    @ParameterizedTest
    @MethodSource("offers")
    void weekdayAndTimeTogetherPick(Offer offer) {
        assertThat(offer.reply(weekday(offer.first(), TextStyle.FULL) + " at 9 please")).isEqualTo(new Choice.Picked(offer.first()));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void ordinalPicksByPosition(Offer offer) {
        assertThat(offer.reply("I'll take the second one")).isEqualTo(new Choice.Picked(offer.second()));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void replyThatNamesNoTimePicksNothing(Offer offer) {
        assertThat(offer.reply("How much does it cost?")).isEqualTo(new Choice.None());
    }

    @ParameterizedTest
    @MethodSource("offers")
    void weekdayThatWasNotOfferedPicksNothing(Offer offer) {
        String dayBeforeTheFirst = weekday(offer.first().minusDays(1), TextStyle.FULL);

        assertThat(offer.reply(dayBeforeTheFirst + "?")).isEqualTo(new Choice.None());
    }

    /** A date narrows a time two offered days share; its number is never read as an hour. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATE_NOVEMBER  | the 24th at 9 works       | 2026-11-24T09:00",
            "NEW_YEARS_EVE  | Jan 1 at 9am please       | 2027-01-01T09:00",
            "FALL_BACK      | November 3rd at 9         | 2026-11-03T09:00",
            "SPRING_FORWARD | the 16th of March, 9am    | 2021-03-16T09:00"})
    void dateNarrowsToThatDaysTime(SpaMoment moment, String reply, LocalDateTime picked) {
        assertThat(Offer.at(moment).reply(reply)).isEqualTo(new Choice.Picked(picked));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATE_NOVEMBER  | Tue the 24th at 9 | 2026-11-24T09:00",
            "NEW_YEARS_EVE  | Fri the 1st at 9  | 2027-01-01T09:00",
            "FALL_BACK      | Tuesday Nov 3     | 2026-11-03T09:00",
            "SPRING_FORWARD | wed mar 17        | 2021-03-17T14:30"})
    void weekdayAndDateThatAgreePick(SpaMoment moment, String reply, LocalDateTime picked) {
        assertThat(Offer.at(moment).reply(reply)).isEqualTo(new Choice.Picked(picked));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATE_NOVEMBER  | Wednesday the 24th works | Nov 24 is a Tuesday, not a Wednesday. Did you mean Tue Nov 24 at 9:00 AM or Wed Nov 25 at 2:30 PM?",
            "NEW_YEARS_EVE  | Saturday Jan 1 please    | Jan 1 is a Friday, not a Saturday. Did you mean Fri Jan 1 at 9:00 AM or Sat Jan 2 at 2:30 PM?",
            "FALL_BACK      | Monday Nov 3rd           | Nov 3 is a Tuesday, not a Monday. Did you mean Mon Nov 2 at 9:00 AM or Tue Nov 3 at 9:00 AM?",
            "SPRING_FORWARD | thursday the 19th        | Mar 19 is a Friday, not a Thursday. Which of these works for you: "
                    + "Mon Mar 15 at 9:00 AM, Tue Mar 16 at 9:00 AM or Wed Mar 17 at 2:30 PM?"})
    void weekdayAndDateThatDisagreeGetAQuestionInsteadOfAPick(SpaMoment moment, String reply, String question) {
        assertThat(Offer.at(moment).reply(reply)).isEqualTo(new Choice.Clarify(question));
    }

    @ParameterizedTest
    @MethodSource("offers")
    void dateThatDoesNotExistPicksNothing(Offer offer) {
        assertThat(offer.reply("Nov 31 at 9")).isEqualTo(new Choice.None());
    }

    private static String weekday(LocalDateTime slot, TextStyle style) {
        return slot.getDayOfWeek().getDisplayName(style, Locale.US);
    }
}
