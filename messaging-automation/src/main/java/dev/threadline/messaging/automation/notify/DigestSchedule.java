package dev.threadline.messaging.automation.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When the daily digest goes out: a local time in the business's zone. The host's scheduler asks
 * {@link #nextAfter} and calls {@link StaffNotifications#sendDigest} then.
 */
public record DigestSchedule(LocalTime at, ZoneId zone) {

    public DigestSchedule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
    }

    /** The first run strictly after {@code instant}; on a day when {@code at} does not exist (DST gap), the moment after the gap. */
    public Instant nextAfter(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), at, zone);
        return today.toInstant().isAfter(instant) ? today.toInstant()
                : ZonedDateTime.of(local.toLocalDate().plusDays(1), at, zone).toInstant();
    }
}
