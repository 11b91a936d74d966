package dev.threadline.examples.console.booking;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * How appointment times are written for customers ({@code "Mon Nov 23 at 9:00 AM"}) and read back from
 * them or from a model, which may also use ISO-8601 ({@code 2026-11-23T09:00}).
 */
public final class SlotFormat {

    private static final DateTimeFormatter DISPLAY = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM d 'at' h:mm a")
            .toFormatter(Locale.US);

    private SlotFormat() {
    }

    public static String display(LocalDateTime slot) {
        return DISPLAY.format(slot);
    }

    /** {@code "A, B or C"}. */
    public static String displayList(List<LocalDateTime> slots) {
        List<String> shown = slots.stream().map(SlotFormat::display).toList();
        if (shown.size() <= 1) {
            return String.join("", shown);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.get(shown.size() - 1);
    }

    /**
     * Reads a time written either way. A displayed time has no year: it means the next such date on or
     * after {@code today}.
     *
     * @throws IllegalArgumentException when the text is neither form
     */
    public static LocalDateTime parse(String text, LocalDate today) {
        String trimmed = text.strip();
        try {
            return LocalDateTime.parse(trimmed);
        } catch (DateTimeParseException notIso) {
            return parseDisplayed(trimmed, today);
        }
    }

    private static LocalDateTime parseDisplayed(String text, LocalDate today) {
        ParsePosition position = new ParsePosition(0);
        TemporalAccessor parsed = DISPLAY.parseUnresolved(text, position);
        if (parsed == null || position.getErrorIndex() >= 0 || position.getIndex() != text.length()) {
            throw unreadable(text);
        }
        try {
            MonthDay monthDay = MonthDay.of((int) parsed.getLong(ChronoField.MONTH_OF_YEAR), (int) parsed.getLong(ChronoField.DAY_OF_MONTH));
            int hour = (int) (parsed.getLong(ChronoField.AMPM_OF_DAY) * 12 + parsed.getLong(ChronoField.CLOCK_HOUR_OF_AMPM) % 12);
            LocalTime time = LocalTime.of(hour, (int) parsed.getLong(ChronoField.MINUTE_OF_HOUR));
            LocalDate thisYear = monthDay.atYear(today.getYear());
            return (thisYear.isBefore(today) ? monthDay.atYear(today.getYear() + 1) : thisYear).atTime(time);
        } catch (DateTimeException e) {
            throw unreadable(text);
        }
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException("start must look like \"Mon Nov 23 at 9:00 AM\" or 2026-11-23T09:00, got: " + text);
    }
}
