package dev.threadline.examples.console.booking;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How appointment times are written for customers ({@code "Mon Nov 23 at 9:00 AM"}) and read back from
 * them or from a model, which may also use ISO-8601 ({@code 2026-11-23T09:00}).
 */
public final class SlotFormat {

    private static final DateTimeFormatter DISPLAY = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM d 'at' h:mm a")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

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
     * Reads a time written either way. A displayed time has no year: it means the date nearest
     * {@code today}, so in late December "Jan 3" is next January and a date a few days past stays in the
     * past. Its weekday must be that date's.
     *
     * @throws IllegalArgumentException when the text is neither form, or when its weekday and date disagree
     *         (the message names both readings, for the customer or model to choose)
     */
    public static LocalDateTime parse(String text, LocalDate today) {
        String trimmed = text.strip();
        try {
            return LocalDateTime.parse(trimmed);
        } catch (DateTimeParseException notIso) {
            return parseDisplayed(trimmed, today);
        }
    }

    /**
     * The year's {@code monthDay} nearest {@code today}: last year's, this year's or next year's. Empty when
     * none of them has that day (February 29 far from a leap year).
     */
    static Optional<LocalDate> nearest(MonthDay monthDay, LocalDate today) {
        return IntStream.rangeClosed(today.getYear() - 1, today.getYear() + 1)
                .filter(monthDay::isValidYear)
                .mapToObj(monthDay::atYear)
                .min(Comparator.comparingLong(date -> Math.abs(date.toEpochDay() - today.toEpochDay())));
    }

    /** {@code "Nov 24"}. */
    static String displayMonthDay(LocalDate date) {
        return MONTH_DAY.format(date);
    }

    /** {@code "Wednesday"}. */
    static String weekdayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.US);
    }

    private static LocalDateTime parseDisplayed(String text, LocalDate today) {
        ParsePosition position = new ParsePosition(0);
        TemporalAccessor parsed = DISPLAY.parseUnresolved(text, position);
        if (parsed == null || position.getErrorIndex() >= 0 || position.getIndex() != text.length()) {
            throw unreadable(text);
        }
        MonthDay monthDay;
        LocalTime time;
        try {
            monthDay = MonthDay.of((int) parsed.getLong(ChronoField.MONTH_OF_YEAR), (int) parsed.getLong(ChronoField.DAY_OF_MONTH));
            int hour = (int) (parsed.getLong(ChronoField.AMPM_OF_DAY) * 12 + parsed.getLong(ChronoField.CLOCK_HOUR_OF_AMPM) % 12);
            time = LocalTime.of(hour, (int) parsed.getLong(ChronoField.MINUTE_OF_HOUR));
        } catch (DateTimeException e) {
            throw unreadable(text);
        }
        LocalDate date = nearest(monthDay, today).orElseThrow(() -> new IllegalArgumentException(
                text + " names a day that does not exist near " + today.getYear() + "; call check_availability for open times"));
        DayOfWeek named = DayOfWeek.of((int) parsed.getLong(ChronoField.DAY_OF_WEEK));
        if (named != date.getDayOfWeek()) {
            throw new IllegalArgumentException(weekdayMismatch(text, date, named, time));
        }
        return date.atTime(time);
    }

    /** "…: Nov 24 is a Wednesday. Did you mean Wed Nov 24 at 9:00 AM or Tue Nov 23 at 9:00 AM?" */
    private static String weekdayMismatch(String text, LocalDate date, DayOfWeek named, LocalTime time) {
        int daysAfter = Math.floorMod(named.getValue() - date.getDayOfWeek().getValue(), 7);
        LocalDate nearestNamed = daysAfter <= 3 ? date.plusDays(daysAfter) : date.minusDays(7 - daysAfter);
        return text + " names the wrong weekday: " + displayMonthDay(date) + " is a " + weekdayName(date.getDayOfWeek())
                + ". Did you mean " + display(date.atTime(time)) + " or " + display(nearestNamed.atTime(time)) + "?";
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException("start must look like \"Mon Nov 23 at 9:00 AM\" or 2026-11-23T09:00, got: " + text);
    }
}
