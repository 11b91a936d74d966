package dev.threadline.messaging.automation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.automation.campaign.SendSlots;
import dev.threadline.messaging.testkit.Concurrently;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SendSlots} must do. A store's test extends this and returns a store with no bookings from
 * {@link #createStore()}; it ships in messaging-automation's test jar (classifier {@code tests}).
 */
public abstract class SendSlotsContract {

    private static final Instant NOON = Instant.parse("2026-11-23T12:00:00Z");
    private static final Function<Instant, Instant> ANY_TIME = Function.identity();

    private SendSlots slots;

    /** A store with no bookings, used by one test. */
    protected abstract SendSlots createStore();

    @BeforeEach
    void setUpStore() {
        slots = createStore();
    }

    @Test
    void aFullMinuteSendsTheNextBookingToTheStartOfTheNextMinute() {
        Instant earliest = NOON.plusSeconds(25);

        assertThat(slots.reserve("spa", earliest, ANY_TIME, 2)).isEqualTo(earliest);
        assertThat(slots.reserve("spa", earliest, ANY_TIME, 2)).isEqualTo(earliest);
        assertThat(slots.reserve("spa", earliest, ANY_TIME, 2)).isEqualTo(NOON.plusSeconds(60));
        assertThat(slots.reserve("other", earliest, ANY_TIME, 2)).as("tenants have limits of their own").isEqualTo(earliest);
    }

    @Test
    void theNextAllowedTimeIsBookedAndItsMinuteCounts() {
        Function<Instant, Instant> notBeforeOne = at -> at.isBefore(NOON.plusSeconds(3600)) ? NOON.plusSeconds(3600) : at;

        assertThat(slots.reserve("spa", NOON, notBeforeOne, 1)).isEqualTo(NOON.plusSeconds(3600));
        assertThat(slots.reserve("spa", NOON, notBeforeOne, 1)).isEqualTo(NOON.plusSeconds(3660));
    }

    @Test
    void aReleasedBookingFreesItsPlace() {
        Instant booked = slots.reserve("spa", NOON, ANY_TIME, 1);

        slots.release("spa", booked);

        assertThat(slots.reserve("spa", NOON, ANY_TIME, 1)).isEqualTo(NOON);
    }

    @Test
    void racingBookingsNeverPutMoreThanTheLimitInAMinute() {
        List<Instant> booked = Concurrently.run(24, i -> slots.reserve("spa", NOON, ANY_TIME, 5));

        Map<Long, Long> perMinute = booked.stream().collect(Collectors.groupingBy(SendSlots::minuteOf, Collectors.counting()));
        assertThat(perMinute.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(5));
        assertThat(perMinute).hasSize(5);
    }
}
