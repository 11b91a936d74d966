package dev.threadline.messaging.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The wait a provider asks for before the next try, read one way for every provider: {@code Retry-After} as
 * seconds (fractions allowed) or an HTTP date, a milliseconds header ({@code Retry-After-Ms}), or an epoch-seconds
 * reset time ({@code X-RateLimit-Reset}). Dates are read against the caller's clock; a wait is never negative;
 * an absent or unreadable value is {@code null} (the caller's backoff decides).
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** A {@code Retry-After} value, delta-seconds or an HTTP date, as a wait from {@code now}. */
    public static @Nullable Duration parse(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                return nonNegative(Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** A wait in milliseconds, as OpenAI's {@code Retry-After-Ms} gives it. */
    public static @Nullable Duration parseMillis(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(value.strip()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An epoch-seconds reset time, as SendGrid's {@code X-RateLimit-Reset} gives it, as a wait from {@code now}. */
    public static @Nullable Duration untilEpochSecond(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return nonNegative(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(value.strip()))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration nonNegative(Duration wait) {
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
