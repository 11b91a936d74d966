package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The local hours in which marketing messages may arrive; outside them a message waits for the next
 * allowed moment in the recipient's time zone.
 *
 * @param allowedFrom first allowed local time (inclusive)
 * @param allowedUntil end of the allowed window (exclusive), after {@code allowedFrom}
 */
public record QuietHours(LocalTime allowedFrom, LocalTime allowedUntil) {

    /** 08:00 to 21:00. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0));

    public QuietHours {
        Objects.requireNonNull(allowedFrom, "allowedFrom");
        Objects.requireNonNull(allowedUntil, "allowedUntil");
        if (!allowedFrom.isBefore(allowedUntil)) {
            throw NonRetriableMessagingException.validation("quiet_hours", "allowed_from must be before allowed_until");
        }
    }

    /** {@code at} when it is within the allowed hours in {@code zone}, else the start of the next allowed window. */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(allowedFrom) && time.isBefore(allowedUntil)) {
            return at;
        }
        var day = time.isBefore(allowedFrom) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, allowedFrom, zone).toInstant();
    }
}
