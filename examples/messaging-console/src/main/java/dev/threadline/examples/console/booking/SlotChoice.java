package dev.threadline.examples.console.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which of the offered appointment times a customer's reply picks: by weekday ("Tuesday works"), by
 * date ("the 24th", "Nov 24"), by time ("the 10:30 one", "9am") or by position ("the first one"). It
 * picks only when exactly one offered time fits everything the reply says. A reply whose weekday and date
 * cannot both be true ("Wednesday the 24th" when the 24th is a Tuesday) picks nothing: it gets a question
 * back, since either half may be the one the customer meant.
 */
public final class SlotChoice {

    private static final Pattern OFFERED = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \\d{1,2} at \\d{1,2}:\\d{2} (AM|PM)");
    private static final String MONTH_NAME = "(january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
    private static final Pattern MONTH_THEN_DAY = Pattern.compile("\\b" + MONTH_NAME + "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern DAY_OF_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)\\b(?:\\s+of\\s+" + MONTH_NAME + ")?");
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d/])(?!(st|nd|rd|th)\\b)");
    private static final List<String> ORDINALS = List.of("first", "second", "third");

    private SlotChoice() {
    }

    /** What a customer's reply says about the offered times. */
    public sealed interface Choice {

        /** The reply fits exactly this offered time. */
        record Picked(LocalDateTime slot) implements Choice {
        }

        /** The reply names a weekday and a date that disagree; {@code question} asks which one was meant. */
        record Clarify(String question) implements Choice {
        }

        /** The reply fits no offered time, or more than one. */
        record None() implements Choice {
        }
    }

    /** The times listed in an availability answer, in the order offered; {@code today} dates them (see {@link SlotFormat#parse}). */
    public static List<LocalDateTime> offeredIn(String availability, LocalDate today) {
        List<LocalDateTime> slots = new ArrayList<>();
        Matcher m = OFFERED.matcher(availability);
        while (m.find()) {
            slots.add(SlotFormat.parse(m.group(), today));
        }
        return slots;
    }

    /**
     * What {@code reply} picks from {@code offered}. A date the reply names without a year is the one nearest
     * {@code today}; a bare day of the month ("the 24th") is the next such day from {@code today}.
     */
    public static Choice choose(String reply, List<LocalDateTime> offered, LocalDate today) {
        DateMentions dates = DateMentions.in(reply.toLowerCase(Locale.ROOT), today);
        String rest = dates.remainingText();
        List<DayOfWeek> days = weekdaysIn(rest);
        if (!dates.resolved().isEmpty() && !days.isEmpty()
                && dates.resolved().stream().noneMatch(date -> days.contains(date.getDayOfWeek()))) {
            return new Choice.Clarify(clarifyingQuestion(dates.resolved(), days, offered));
        }

        List<LocalDateTime> candidates = new ArrayList<>(offered);
        boolean said = false;
        Optional<LocalDateTime> byPosition = byPosition(rest, offered);
        if (byPosition.isPresent()) {
            candidates.retainAll(List.of(byPosition.get()));
            said = true;
        }
        if (!days.isEmpty()) {
            candidates.removeIf(slot -> !days.contains(slot.getDayOfWeek()));
            said = true;
        }
        if (dates.named()) {
            candidates.removeIf(slot -> !dates.resolved().contains(slot.toLocalDate()));
            said = true;
        }
        List<Predicate<LocalDateTime>> times = timesIn(rest);
        if (!times.isEmpty()) {
            candidates.removeIf(slot -> times.stream().noneMatch(t -> t.test(slot)));
            said = true;
        }
        return said && candidates.size() == 1 ? new Choice.Picked(candidates.get(0)) : new Choice.None();
    }

    /** "Nov 24 is a Tuesday, not a Wednesday. Did you mean Tue Nov 24 at 9:00 AM or Wed Nov 25 at 2:30 PM?" */
    private static String clarifyingQuestion(List<LocalDate> dates, List<DayOfWeek> days, List<LocalDateTime> offered) {
        LocalDate date = dates.get(0);
        String mismatch = SlotFormat.displayMonthDay(date) + " is a " + SlotFormat.weekdayName(date.getDayOfWeek()) + ", not a "
                + days.stream().map(SlotFormat::weekdayName).collect(Collectors.joining(" or ")) + ".";
        List<LocalDateTime> either = offered.stream()
                .filter(slot -> dates.contains(slot.toLocalDate()) || days.contains(slot.getDayOfWeek()))
                .toList();
        return either.isEmpty()
                ? mismatch + " Which of these works for you: " + SlotFormat.displayList(offered) + "?"
                : mismatch + " Did you mean " + SlotFormat.displayList(either) + "?";
    }

    /**
     * The dates a reply names, each resolved to a day of the calendar, and the reply with them blanked out
     * so that their numbers are not read as times.
     *
     * @param named whether the reply names any date, even one that does not exist ("Nov 31")
     */
    private record DateMentions(boolean named, List<LocalDate> resolved, String remainingText) {

        static DateMentions in(String lower, LocalDate today) {
            List<LocalDate> resolved = new ArrayList<>();
            StringBuilder rest = new StringBuilder(lower);
            boolean named = false;
            Matcher monthFirst = MONTH_THEN_DAY.matcher(lower);
            while (monthFirst.find()) {
                named = true;
                monthDay(monthFirst.group(1), monthFirst.group(2)).flatMap(md -> SlotFormat.nearest(md, today)).ifPresent(resolved::add);
                blank(rest, monthFirst);
            }
            Matcher dayFirst = DAY_OF_MONTH.matcher(rest.toString());
            while (dayFirst.find()) {
                named = true;
                Optional<LocalDate> date = dayFirst.group(2) == null
                        ? nextDayOfMonth(Integer.parseInt(dayFirst.group(1)), today)
                        : monthDay(dayFirst.group(2), dayFirst.group(1)).flatMap(md -> SlotFormat.nearest(md, today));
                date.ifPresent(resolved::add);
                blank(rest, dayFirst);
            }
            return new DateMentions(named, List.copyOf(resolved), rest.toString());
        }

        /** {@code monthName} is one {@link #MONTH_NAME} matched: a full name or one of its abbreviations. */
        private static Optional<MonthDay> monthDay(String monthName, String day) {
            String abbreviation = monthName.substring(0, 3);
            Month month = Arrays.stream(Month.values())
                    .filter(m -> m.getDisplayName(TextStyle.SHORT, Locale.US).toLowerCase(Locale.ROOT).equals(abbreviation))
                    .findFirst().orElseThrow();
            int dayOfMonth = Integer.parseInt(day);
            return dayOfMonth >= 1 && dayOfMonth <= month.maxLength() ? Optional.of(MonthDay.of(month, dayOfMonth)) : Optional.empty();
        }

        /** The first day numbered {@code day} on or after {@code today}, within a year. */
        private static Optional<LocalDate> nextDayOfMonth(int day, LocalDate today) {
            for (int months = 0; months <= 12; months++) {
                YearMonth month = YearMonth.from(today).plusMonths(months);
                if (month.isValidDay(day) && !month.atDay(day).isBefore(today)) {
                    return Optional.of(month.atDay(day));
                }
            }
            return Optional.empty();
        }

        private static void blank(StringBuilder text, Matcher match) {
            for (int i = match.start(); i < match.end(); i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static Optional<LocalDateTime> byPosition(String lower, List<LocalDateTime> offered) {
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        if (containsWord(lower, "earliest")) {
            return Optional.of(offered.get(0));
        }
        if (containsWord(lower, "last") || containsWord(lower, "latest")) {
            return Optional.of(offered.get(offered.size() - 1));
        }
        for (int i = 0; i < ORDINALS.size() && i < offered.size(); i++) {
            if (containsWord(lower, ORDINALS.get(i))) {
                return Optional.of(offered.get(i));
            }
        }
        return Optional.empty();
    }

    private static List<DayOfWeek> weekdaysIn(String lower) {
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.getDisplayName(TextStyle.FULL, Locale.US).toLowerCase(Locale.ROOT);
            String shortName = day.getDisplayName(TextStyle.SHORT, Locale.US).toLowerCase(Locale.ROOT);
            if (containsWord(lower, full) || containsWord(lower, shortName)) {
                days.add(day);
            }
        }
        return days;
    }

    /** Each time mentioned, as a test of an offered slot; a bare hour matches that hour in either half of the day. */
    private static List<Predicate<LocalDateTime>> timesIn(String lower) {
        List<Predicate<LocalDateTime>> times = new ArrayList<>();
        Matcher m = TIME.matcher(lower);
        while (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            if (hour < 1 || hour > 12) {
                continue;
            }
            Integer minute = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            Boolean pm = m.group(3) == null ? null : m.group(3).startsWith("p");
            times.add(slot -> (slot.getHour() % 12 == hour % 12)
                    && (minute == null || slot.getMinute() == minute)
                    && (pm == null || (slot.getHour() >= 12) == pm));
        }
        return times;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text).find();
    }
}
