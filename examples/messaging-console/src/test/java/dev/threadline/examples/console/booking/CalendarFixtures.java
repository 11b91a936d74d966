package dev.threadline.examples.console.booking;

import dev.threadline.examples.console.SpaMoment;
import dev.threadline.examples.console.medspa.MedSpa;
import java.time.Duration;
import java.time.LocalDateTime;

/** The spa's calendar, over its own hours and half-hour grid, with the clock stopped at a given time. */
public final class CalendarFixtures {

    private CalendarFixtures() {
    }

    public static AppointmentCalendar calendarAt(SpaMoment moment) {
        return calendarAt(moment.localTime());
    }

    /** {@code localNow} is wall-clock time in {@link SpaMoment#ZONE}. */
    public static AppointmentCalendar calendarAt(LocalDateTime localNow) {
        return new AppointmentCalendar(MedSpa.hours(), SpaMoment.ZONE, SpaMoment.clockAt(localNow), Duration.ofMinutes(30));
    }
}
