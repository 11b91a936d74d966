package dev.threadline.messaging.automation.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How analytics rows split the period: by local day, ISO week (from Monday), month, or not at all. */
public enum Granularity {
    DAY, WEEK, MONTH, TOTAL;

    /** The first day of the bucket holding {@code date}; for {@link #TOTAL}, {@code periodStart}. */
    LocalDate bucketOf(LocalDate date, LocalDate periodStart) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case TOTAL -> periodStart;
        };
    }

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
