package dev.threadline.messaging.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void secondsWholeOrFractional() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 1.5 ", NOW)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void anHttpDateIsReadAgainstTheCallersClock() {
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 10:00:42 GMT", NOW)).isEqualTo(Duration.ofSeconds(42));
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 10:00:42 GMT", NOW.plusSeconds(40))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aWaitIsNeverNegative() {
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 09:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.untilEpochSecond(Long.toString(NOW.minusSeconds(9).getEpochSecond()), NOW)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parseMillis("-20")).isEqualTo(Duration.ZERO);
    }

    @Test
    void resetTimesAndMilliseconds() {
        assertThat(RetryAfter.untilEpochSecond(Long.toString(NOW.plusSeconds(42).getEpochSecond()), NOW)).isEqualTo(Duration.ofSeconds(42));
        assertThat(RetryAfter.parseMillis("250")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void absentOrUnreadableValuesLeaveTheWaitToTheBackoff() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse(" ", NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.untilEpochSecond("tomorrow", NOW)).isNull();
        assertThat(RetryAfter.parseMillis("lots")).isNull();
    }
}
