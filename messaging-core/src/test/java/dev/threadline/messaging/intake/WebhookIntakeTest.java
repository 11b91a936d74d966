package dev.threadline.messaging.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetryPolicy;
import dev.threadline.messaging.memory.InMemoryIntakeStore;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final InMemoryIntakeStore store = new InMemoryIntakeStore();
    private final List<String> processed = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private WebhookIntake intake(IntakeHandler handler) {
        return WebhookIntake.builder(store, new TimeOrderedIdGenerator(clock)).clock(clock)
                .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4)))
                .handler("twilio.sms", handler).build();
    }

    private final IntakeHandler flaky = request -> {
        if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("database busy");
        }
        processed.add(request.fields().get("MessageSid"));
    };

    @Test
    void anAcceptedRequestIsProcessedOnceAndRemoved() {
        try (WebhookIntake intake = intake(flaky)) {
            intake.accept("acme", "twilio.sms", Map.of("MessageSid", "SM1"));

            assertThat(intake.processDue()).isEqualTo(1);
            assertThat(intake.processDue()).isZero();
            assertThat(processed).containsExactly("SM1");
        }
    }

    @Test
    void aFailureIsRetriedAfterBackoff() {
        failuresLeft.set(1);
        try (WebhookIntake intake = intake(flaky)) {
            intake.accept("acme", "twilio.sms", Map.of("MessageSid", "SM1"));
            intake.processDue();
            assertThat(processed).isEmpty();

            now = now.plusSeconds(1);
            intake.processDue();

            assertThat(processed).containsExactly("SM1");
            assertThat(intake.deadLetters("acme", 10)).isEmpty();
        }
    }

    @Test
    void aRequestThatKeepsFailingBecomesADeadLetterAndCanBeReplayed() {
        failuresLeft.set(3);
        try (WebhookIntake intake = intake(flaky)) {
            IntakeRequest request = intake.accept("acme", "twilio.sms", Map.of("MessageSid", "SM1"));
            for (int i = 0; i < 5; i++) {
                intake.processDue();
                now = now.plusSeconds(10);
            }

            assertThat(processed).isEmpty();
            assertThat(intake.deadLetters("acme", 10)).singleElement().satisfies(d -> {
                assertThat(d.attempts()).isEqualTo(3);
                assertThat(d.lastError()).isEqualTo("IllegalStateException: database busy");
            });

            assertThat(intake.replay("acme", request.id())).isTrue();
            intake.processDue();
            assertThat(processed).containsExactly("SM1");
        }
    }

    @Test
    void aRequestThatCanNeverBeProcessedIsParkedAtOnce() {
        try (WebhookIntake intake = intake(request -> {
            throw NonRetriableMessagingException.validation("From", "From is not a phone number");
        })) {
            intake.accept("acme", "twilio.sms", Map.of("MessageSid", "SM1"));
            intake.processDue();

            assertThat(intake.deadLetters("acme", 10)).singleElement()
                    .satisfies(d -> assertThat(d.lastError()).contains("From is not a phone number"));
        }
    }

    @Test
    void aSourceWithoutAHandlerIsRefusedBeforeAnythingIsStored() {
        try (WebhookIntake intake = intake(flaky)) {
            assertThatThrownBy(() -> intake.accept("acme", "unknown", Map.of())).hasMessageContaining("unknown");
            assertThat(intake.processDue()).isZero();
        }
    }

    @Test
    void backgroundWorkersProcessWhatIsAcceptedRightAway() throws InterruptedException {
        try (WebhookIntake intake = WebhookIntake.builder(store, new TimeOrderedIdGenerator()).pollInterval(Duration.ofMinutes(1))
                .handler("twilio.sms", flaky).build()) {
            intake.start(1);
            intake.accept("acme", "twilio.sms", Map.of("MessageSid", "SM1"));

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (processed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(processed).as("woken by accept, not the one-minute poll").containsExactly("SM1");
        }
    }
}
