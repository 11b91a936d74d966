package dev.threadline.messaging.spring.internal.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();
    private final RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(1), clock);

    @Test
    void theBurstPassesAndTheNextRequestIsLimited() {
        limiter.acquire("acme");
        limiter.acquire("acme");

        assertThatThrownBy(() -> limiter.acquire("acme"))
                .isInstanceOfSatisfying(RetriableMessagingException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void tokensComeBackOverThePeriod() {
        limiter.acquire("acme");
        limiter.acquire("acme");

        clock.advance(Duration.ofSeconds(30));

        assertThatNoException().isThrownBy(() -> limiter.acquire("acme"));
    }

    @Test
    void tenantsHaveTheirOwnBuckets() {
        limiter.acquire("acme");
        limiter.acquire("acme");

        assertThatNoException().isThrownBy(() -> limiter.acquire("globex"));
    }

    @Test
    void theUnlimitedLimiterNeverLimits() {
        RateLimiter unlimited = RateLimiter.unlimited(clock);

        assertThatNoException().isThrownBy(() -> {
            for (int i = 0; i < 1000; i++) {
                unlimited.acquire("acme");
            }
        });
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
