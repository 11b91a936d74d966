package dev.threadline.examples.console.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the offered appointment times a customer's reply picks: by weekday ("Tuesday works"), by
 * time ("the 10:30 one", "9am") or by position ("the first one"). It picks only when exactly one offered
 * time fits everything the reply says.
 */
public final class SlotChoice {

    private static final Pattern OFFERED = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \\d{1,2} at \\d{1,2}:\\d{2} (AM|PM)");
    private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?![\\d/])(?!(st|nd|rd|th)\\b)");
    private static final List<String> ORDINALS = List.of("first", "second", "third");

    private SlotChoice() {
    }

    /** The times listed in an availability answer, in the order offered. */
    public static List<LocalDateTime> offeredIn(String availability, LocalDate today) {
        List<LocalDateTime> slots = new ArrayList<>();
        Matcher m = OFFERED.matcher(availability);
        while (m.find()) {
            slots.add(SlotFormat.parse(m.group(), today));
        }
        return slots;
    }

    /** The one offered time the reply picks, if it picks exactly one. */
    public static Optional<LocalDateTime> pick(String reply, List<LocalDateTime> offered) {
        String lower = reply.toLowerCase(Locale.ROOT);
        List<LocalDateTime> candidates = new ArrayList<>(offered);
        boolean said = false;

        Optional<LocalDateTime> byPosition = byPosition(lower, offered);
        if (byPosition.isPresent()) {
            candidates.retainAll(List.of(byPosition.get()));
            said = true;
        }
        List<DayOfWeek> days = weekdaysIn(lower);
        if (!days.isEmpty()) {
            candidates.removeIf(slot -> !days.contains(slot.getDayOfWeek()));
            said = true;
        }
        List<Predicate<LocalDateTime>> times = timesIn(lower);
        if (!times.isEmpty()) {
            candidates.removeIf(slot -> times.stream().noneMatch(t -> t.test(slot)));
            said = true;
        }
        return said && candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
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
