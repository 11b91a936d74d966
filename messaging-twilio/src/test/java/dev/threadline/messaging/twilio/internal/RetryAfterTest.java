package dev.threadline.messaging.twilio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} in both forms HTTP allows (RFC 9110 §10.2.3). */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(TwilioErrors.parseRetryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void readsHttpDateAsTheWaitUntilThen() {
        assertThat(TwilioErrors.parseRetryAfter("Mon, 02 Mar 2026 10:00:45 GMT", NOW)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void pastHttpDateMeansNoWait() {
        assertThat(TwilioErrors.parseRetryAfter("Mon, 02 Mar 2026 09:59:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void unreadableValueIsIgnored() {
        assertThat(TwilioErrors.parseRetryAfter("soon", NOW)).isNull();
    }
}
