package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(30));

    @RepeatedTest(20)
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        assertThat(policy.backoff(1, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(policy.backoff(3, null)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(policy.backoff(10, null)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    @Test
    void longerRetryAfterWins() {
        assertThat(policy.backoff(1, Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void attemptsAreBounded() {
        assertThat(policy.allowsAnotherAttempt(4)).isTrue();
        assertThat(policy.allowsAnotherAttempt(5)).isFalse();
    }
}
