package dev.threadline.examples.console.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Opening hours per weekday; a day without hours is closed. Build with {@link #builder()}. */
public final class WeeklyHours {

    /** The hours of one open day. */
    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("closing time must be after opening time");
            }
        }
    }

    private record Span(DayOfWeek first, DayOfWeek last, Hours hours) {
    }

    private final List<Span> spans;
    private final Map<DayOfWeek, Hours> byDay;

    private WeeklyHours(List<Span> spans) {
        this.spans = List.copyOf(spans);
        this.byDay = new EnumMap<>(DayOfWeek.class);
        for (Span span : spans) {
            for (int d = span.first().getValue(); d <= span.last().getValue(); d++) {
                if (byDay.put(DayOfWeek.of(d), span.hours()) != null) {
                    throw new IllegalArgumentException("hours given twice for " + DayOfWeek.of(d));
                }
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The hours of that weekday, empty when closed. */
    public Optional<Hours> on(DayOfWeek day) {
        return Optional.ofNullable(byDay.get(day));
    }

    /** The hours as people write them: {@code "Mon–Fri 9am–6pm"}, one line per span, closed days last. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Span span : spans) {
            String days = span.first() == span.last() ? shortName(span.first())
                    : shortName(span.first()) + "–" + shortName(span.last());
            lines.add(days + " " + time(span.hours().opens()) + "–" + time(span.hours().closes()));
        }
        List<String> closed = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!byDay.containsKey(day)) {
                closed.add(shortName(day));
            }
        }
        if (!closed.isEmpty()) {
            lines.add(String.join(", ", closed) + " closed");
        }
        return lines;
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.US);
    }

    private static String time(LocalTime t) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String minutes = t.getMinute() == 0 ? "" : String.format(Locale.ROOT, ":%02d", t.getMinute());
        return hour12 + minutes + (t.getHour() < 12 ? "am" : "pm");
    }

    /** Collects open spans of consecutive weekdays. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        private Builder() {
        }

        /** Open from {@code first} through {@code last} (inclusive, Monday-based order) with the same hours. */
        public Builder open(DayOfWeek first, DayOfWeek last, LocalTime opens, LocalTime closes) {
            if (last.getValue() < first.getValue()) {
                throw new IllegalArgumentException("day span runs backwards: " + first + "–" + last);
            }
            spans.add(new Span(first, last, new Hours(opens, closes)));
            return this;
        }

        public WeeklyHours build() {
            return new WeeklyHours(spans);
        }
    }
}
