package dev.threadline.examples.console.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.examples.console.medspa.MedSpa;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    @Test
    void describesSpansAndClosedDaysAsPeopleWriteThem() {
        assertThat(MedSpa.hours().describe()).containsExactly("Mon–Fri 9am–6pm", "Sat 10am–4pm", "Sun closed");
    }

    @Test
    void dayWithoutHoursIsClosed() {
        assertThat(MedSpa.hours().on(DayOfWeek.SUNDAY)).isEmpty();
    }

    @Test
    void sameDayGivenTwiceIsRejected() {
        WeeklyHours.Builder builder = WeeklyHours.builder()
                .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(17, 0))
                .open(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0));

        assertThatThrownBy(builder::build).hasMessageContaining("FRIDAY");
    }
}
