package dev.threadline.examples.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The fixed moments, in the spa's time zone, that time-dependent tests run at: never the real date. Between
 * them they cover a plain weekday, the turn of the year and both daylight-saving changes.
 */
public enum SpaMoment {

    /** A Monday morning before opening. */
    LATE_NOVEMBER(LocalDateTime.of(2026, 11, 23, 8, 0)),
    /** Thursday morning: the next open days run into January. */
    NEW_YEARS_EVE(LocalDateTime.of(2026, 12, 31, 8, 0)),
    /** Sunday 1:30 EDT, the first pass through the hour that repeats when clocks fall back at 2:00. */
    FALL_BACK(LocalDateTime.of(2026, 11, 1, 1, 30)),
    /** Sunday 1:30 EST, half an hour before clocks spring forward to 3:00. */
    SPRING_FORWARD(LocalDateTime.of(2021, 3, 14, 1, 30));

    public static final ZoneId ZONE = ZoneId.of("America/New_York");

    private final LocalDateTime localTime;

    SpaMoment(LocalDateTime localTime) {
        this.localTime = localTime;
    }

    /** The spa's wall-clock time at this moment. */
    public LocalDateTime localTime() {
        return localTime;
    }

    public LocalDate today() {
        return localTime.toLocalDate();
    }

    public Instant instant() {
        // Within the repeated hour of FALL_BACK the earlier offset (EDT) is taken.
        return localTime.atZone(ZONE).toInstant();
    }

    /** A clock stopped at this moment, in the spa's zone. */
    public Clock clock() {
        return clockAt(localTime);
    }

    /** A clock stopped at another local time in the spa's zone. */
    public static Clock clockAt(LocalDateTime localTime) {
        return Clock.fixed(localTime.atZone(ZONE).toInstant(), ZONE);
    }
}
