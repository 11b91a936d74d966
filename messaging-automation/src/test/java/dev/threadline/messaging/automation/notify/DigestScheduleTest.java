package dev.threadline.messaging.automation.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private final DigestSchedule eightInNewYork = new DigestSchedule(LocalTime.of(8, 0), ZoneId.of("America/New_York"));

    @Test
    void nextRunIsLaterTheSameLocalDay() {
        assertThat(eightInNewYork.nextAfter(Instant.parse("2026-11-21T10:00:00Z"))).isEqualTo(Instant.parse("2026-11-21T13:00:00Z"));
    }

    @Test
    void runTimeItselfMovesToTheNextDay() {
        assertThat(eightInNewYork.nextAfter(Instant.parse("2026-11-21T13:00:00Z"))).isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
    }

    @Test
    void localTimeHoldsAcrossTheDstChange() {
        // Saturday 08:00 EDT, then Sunday 08:00 EST: 25 hours apart.
        assertThat(eightInNewYork.nextAfter(Instant.parse("2026-10-31T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    }
}
