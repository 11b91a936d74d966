package dev.threadline.examples.console.booking;

import dev.threadline.examples.console.medspa.MedSpa;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A calendar over the spa's hours with the clock stopped at a given local time. */
final class CalendarFixtures {

    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** A Monday. */
    static final LocalDateTime MONDAY_8AM = LocalDateTime.of(2026, 11, 23, 8, 0);

    private CalendarFixtures() {
    }

    static AppointmentCalendar calendarAt(LocalDateTime localNow) {
        Clock clock = Clock.fixed(localNow.atZone(ZONE).toInstant(), ZONE);
        return new AppointmentCalendar(MedSpa.hours(), ZONE, clock, Duration.ofMinutes(30));
    }
}
