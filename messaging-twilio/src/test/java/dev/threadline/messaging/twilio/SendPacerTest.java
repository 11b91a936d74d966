package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.twilio.internal.SendPacer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Per-number pacing, on a fake clock that moves only when the pacer sleeps. */
class SendPacerTest {

    private static final String LONG_CODE = "+14155550100";
    private static final String TOLL_FREE = "+18005550100";

    private final FakeTime time = new FakeTime();

    private SendPacer pacer(TwilioPacing pacing) {
        return new SendPacer(pacing, time, time);
    }

    @Test
    void firstSendFromANumberDoesNotWait() {
        pacer(TwilioPacing.LONG_CODE).acquire(LONG_CODE, 1);

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void sendsFromOneNumberAreSpacedOneSegmentPerSecond() {
        SendPacer pacer = pacer(TwilioPacing.LONG_CODE);

        pacer.acquire(LONG_CODE, 1);
        pacer.acquire(LONG_CODE, 1);
        pacer.acquire(LONG_CODE, 1);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void multiSegmentMessageHoldsItsNumberForEverySegment() {
        SendPacer pacer = pacer(TwilioPacing.LONG_CODE);

        pacer.acquire(LONG_CODE, 3);
        pacer.acquire(LONG_CODE, 1);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void numbersArePacedIndependently() {
        SendPacer pacer = pacer(TwilioPacing.LONG_CODE);

        pacer.acquire(LONG_CODE, 1);
        pacer.acquire(TOLL_FREE, 1);

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void configuredNumberSendsAtItsOwnRate() {
        SendPacer pacer = pacer(TwilioPacing.LONG_CODE.withNumber(TOLL_FREE, 10));

        pacer.acquire(TOLL_FREE, 1);
        pacer.acquire(TOLL_FREE, 1);

        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100));
    }

    @Test
    void idleNumberDoesNotWait() {
        SendPacer pacer = pacer(TwilioPacing.LONG_CODE);
        pacer.acquire(LONG_CODE, 1);
        time.advance(Duration.ofSeconds(5));

        pacer.acquire(LONG_CODE, 1);

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void slotBeyondMaxWaitFailsAsRateLimitedWithTheWait() {
        SendPacer pacer = pacer(new TwilioPacing(1, Map.of(), Duration.ofSeconds(2)));
        pacer.acquire(LONG_CODE, 3);

        RetriableMessagingException e = catchThrowableOfType(RetriableMessagingException.class, () -> pacer.acquire(LONG_CODE, 1));

        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void refusedSendBooksNoSlot() {
        SendPacer pacer = pacer(new TwilioPacing(1, Map.of(), Duration.ofSeconds(2)));
        pacer.acquire(LONG_CODE, 3);
        catchThrowableOfType(RetriableMessagingException.class, () -> pacer.acquire(LONG_CODE, 1));
        time.advance(Duration.ofSeconds(3));

        pacer.acquire(LONG_CODE, 1);

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void numberWaitingForItsSlotDoesNotHoldUpAnother() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Clock frozen = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
        SendPacer pacer = new SendPacer(TwilioPacing.LONG_CODE, frozen, duration -> {
            waiting.countDown();
            release.await();
        });
        pacer.acquire(LONG_CODE, 1);
        CompletableFuture<Void> backlogged = CompletableFuture.runAsync(() -> pacer.acquire(LONG_CODE, 1));
        assertThat(waiting.await(10, TimeUnit.SECONDS)).as("second send waits for its slot").isTrue();

        try {
            CompletableFuture.runAsync(() -> pacer.acquire(TOLL_FREE, 1)).get(10, TimeUnit.SECONDS);
            assertThat(backlogged).isNotDone();
        } finally {
            release.countDown();
            backlogged.get(10, TimeUnit.SECONDS);
        }
    }
}
