package dev.threadline.examples.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.examples.console.SpaMoment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DemoTimeTest {

    private final SpaMoment moment = SpaMoment.LATE_NOVEMBER;
    private final DemoTime time = new DemoTime(moment.clock());
    private final Clock managerClock = time.managerClock();
    private final Instant lastWeek = moment.instant().minus(Duration.ofDays(7));

    @Test
    void theManagersClockReadsTheAppsTimeOutsideAPastMoment() {
        assertThat(managerClock.instant()).isEqualTo(moment.instant());
        assertThat(managerClock.getZone()).isEqualTo(SpaMoment.ZONE);
    }

    @Test
    void insideAPastMomentTheManagersClockReadsIt() {
        assertThat(time.at(lastWeek, managerClock::instant)).isEqualTo(lastWeek);
        assertThat(time.at(lastWeek, time::now)).as("the app's own time stays").isEqualTo(moment.instant());
    }

    @Test
    void anotherThreadKeepsTheAppsTime() {
        Instant seenElsewhere = time.at(lastWeek, () -> CompletableFuture.supplyAsync(managerClock::instant).join());

        assertThat(seenElsewhere).isEqualTo(moment.instant());
    }

    @Test
    void aMomentInsideAnotherReturnsToTheOuterOneAndThenToNow() {
        Instant yesterday = moment.instant().minus(Duration.ofDays(1));

        Instant afterInner = time.at(lastWeek, () -> {
            time.at(yesterday, managerClock::instant);
            return managerClock.instant();
        });

        assertThat(afterInner).isEqualTo(lastWeek);
        assertThat(managerClock.instant()).isEqualTo(moment.instant());
    }

    @Test
    void inAnotherZoneTheClockIsShiftedAlike() {
        Clock utc = managerClock.withZone(ZoneOffset.UTC);

        assertThat(time.at(lastWeek, utc::instant)).isEqualTo(lastWeek);
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
