package dev.threadline.examples.console.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.annotation.Bean;

/** What {@link ClockRules} report and what they let through, each on a small class written for the purpose. */
class ClockRulesTest {

    static final class ReadsInstantNow {
        Instant stamp() {
            return Instant.now();
        }
    }

    static final class ReadsTodayInAZone {
        LocalDate today(ZoneId zone) {
            return LocalDate.now(zone);
        }
    }

    static final class ReadsZonedNow {
        ZonedDateTime stamp() {
            return ZonedDateTime.now();
        }
    }

    static final class PassesNowAsAMethodReference {
        Supplier<LocalDateTime> stamps() {
            return LocalDateTime::now;
        }
    }

    static final class ReadsCurrentTimeMillis {
        long stamp() {
            return System.currentTimeMillis();
        }
    }

    static final class CreatesADateOfNow {
        Date stamp() {
            return new Date();
        }
    }

    static final class ReadsTheDefaultCalendar {
        Calendar stamp() {
            return Calendar.getInstance();
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {ReadsInstantNow.class, ReadsTodayInAZone.class, ReadsZonedNow.class, PassesNowAsAMethodReference.class,
            ReadsCurrentTimeMillis.class, CreatesADateOfNow.class, ReadsTheDefaultCalendar.class})
    void wallClockReadIsReported(Class<?> offender) {
        assertThatThrownBy(() -> ClockRules.NO_WALL_CLOCK_READS.check(only(offender)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getName());
    }

    static final class ReadsTimeThroughItsClock {
        private final Clock clock;

        ReadsTimeThroughItsClock(Clock clock) {
            this.clock = clock;
        }

        LocalDate today(ZoneId zone) {
            return LocalDate.now(clock.withZone(zone));
        }

        Date stamp() {
            return Date.from(clock.instant());
        }

        long elapsedSince(long startNanos) {
            return System.nanoTime() - startNanos;
        }
    }

    @Test
    void timeReadThroughAClockAndDurationsMeasuredWithNanoTimeAreAllowed() {
        assertThatCode(() -> ClockRules.NO_WALL_CLOCK_READS.check(only(ReadsTimeThroughItsClock.class))).doesNotThrowAnyException();
    }

    static final class KeepsTheSystemClockInAField {
        private final Clock clock = Clock.systemUTC();

        Instant stamp() {
            return clock.instant();
        }
    }

    static final class DefaultsToTheSystemClockWithNoWayToReplaceIt {
        private final Clock clock;

        DefaultsToTheSystemClockWithNoWayToReplaceIt() {
            this.clock = Clock.systemDefaultZone();
        }

        Instant stamp() {
            return clock.instant();
        }
    }

    static final class Widget {
        /** Named like a builder, but offers no way to set the clock. */
        static final class Builder {
            private final Clock clock = Clock.systemUTC();

            Clock build() {
                return clock;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {KeepsTheSystemClockInAField.class, DefaultsToTheSystemClockWithNoWayToReplaceIt.class, Widget.Builder.class})
    void systemClockThatCannotBeReplacedIsReported(Class<?> offender) {
        assertThatThrownBy(() -> ClockRules.SYSTEM_CLOCK_ONLY_AS_A_REPLACEABLE_DEFAULT.check(only(offender)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getName());
    }

    static final class Service {
        private final Clock clock;

        Service() {
            this(Clock.systemUTC());
        }

        Service(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        Instant stamp() {
            return clock.instant();
        }

        static final class Builder {
            private Clock clock = Clock.systemUTC();

            Builder clock(Clock value) {
                this.clock = value;
                return this;
            }

            Service build() {
                return new Service(clock);
            }
        }
    }

    static final class ClockConfiguration {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @ParameterizedTest
    @ValueSource(classes = {Service.class, Service.Builder.class, ClockConfiguration.class})
    void systemClockAsADefaultTheCallerCanReplaceIsAllowed(Class<?> composition) {
        assertThatCode(() -> ClockRules.SYSTEM_CLOCK_ONLY_AS_A_REPLACEABLE_DEFAULT.check(only(composition))).doesNotThrowAnyException();
    }

    private static JavaClasses only(Class<?> type) {
        return new ClassFileImporter().importClasses(type);
    }
}
