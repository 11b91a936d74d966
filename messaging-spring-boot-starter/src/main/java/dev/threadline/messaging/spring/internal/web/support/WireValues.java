package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses the API's text values (ISO-8601 times and durations, IANA zones, lower-case enum names), from
 * bodies and query parameters alike; a bad value is {@code validation_failed} naming the field.
 */
public final class WireValues {

    /** The default zone of the automation routes, by name, so answers say {@code UTC} rather than the offset {@code Z}. */
    public static final ZoneId UTC = ZoneId.of("UTC");

    private WireValues() {
    }

    /** An instant with {@code Z} or an offset, e.g. {@code 2026-11-21T12:00:00Z}. */
    public static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 time with Z or an offset, e.g. 2026-11-21T12:00:00Z");
        }
    }

    /** A local date-time without offset, e.g. {@code 2026-11-23T10:00:00}. */
    public static LocalDateTime localDateTime(String field, String text) {
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a local ISO-8601 date-time, e.g. 2026-11-23T10:00:00");
        }
    }

    /** A local time, e.g. {@code 08:00}. */
    public static LocalTime localTime(String field, String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a local time, e.g. 08:00");
        }
    }

    /** An IANA time zone id, e.g. {@code America/New_York}. */
    public static ZoneId zone(String field, String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw invalid(field, "must be an IANA time zone, e.g. America/New_York");
        }
    }

    /** A non-negative ISO-8601 duration, e.g. {@code PT4H}. */
    public static Duration duration(String field, String text) {
        Duration duration;
        try {
            duration = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 duration, e.g. PT4H");
        }
        if (duration.isNegative()) {
            throw invalid(field, "must not be negative");
        }
        return duration;
    }

    /**
     * A lead time: an ISO-8601 period of calendar days ({@code P1D}, on the wall clock) or, with a time
     * part, an exact duration ({@code PT2H}).
     */
    public static TemporalAmount lead(String field, String text) {
        String value = text.strip();
        try {
            return value.toUpperCase(Locale.ROOT).contains("T") ? Duration.parse(value) : Period.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 period or duration, e.g. P1D or PT2H");
        }
    }

    /** The enum constant whose lower-case name is {@code text}. */
    /** A query parameter that is {@code true} or {@code false} (empty counts as false). */
    public static boolean bool(String field, String text) {
        return switch (text) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw NonRetriableMessagingException.validation(field, field + " must be true or false");
        };
    }

    /** A whole-number query parameter, or {@code fallback} when it is absent or blank. */
    public static int integer(String field, @Nullable String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw NonRetriableMessagingException.validation(field, field + " must be a whole number");
        }
    }

    public static <E extends Enum<E>> E lowerCaseName(Class<E> type, String field, String text) {
        try {
            E value = Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            if (value.name().toLowerCase(Locale.ROOT).equals(text.strip())) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // answered below with the accepted values
        }
        throw invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static NonRetriableMessagingException invalid(String field, String problem) {
        return NonRetriableMessagingException.validation(field, field + " " + problem);
    }
}
