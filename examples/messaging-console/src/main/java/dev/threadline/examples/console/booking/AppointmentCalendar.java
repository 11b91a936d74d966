package dev.threadline.examples.console.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A single treatment room's calendar, kept in memory: free slots within opening hours and bookings that
 * never overlap. Slots start on a fixed grid (every half hour) and never in the past. A booking made
 * again with the same idempotency key returns the first booking instead of taking a second slot.
 */
public final class AppointmentCalendar {

    /** How far ahead {@link #firstFreeSlots} looks. */
    static final int HORIZON_DAYS = 60;

    private final WeeklyHours hours;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration grid;
    private final List<Appointment> appointments = new ArrayList<>();
    private final Map<String, Appointment> byIdempotencyKey = new HashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    public AppointmentCalendar(WeeklyHours hours, ZoneId zone, Clock clock, Duration grid) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grid = Objects.requireNonNull(grid, "grid");
        if (grid.isZero() || grid.isNegative()) {
            throw new IllegalArgumentException("grid must be positive");
        }
    }

    /** The spa's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** Today in the spa's time zone, by the calendar's clock: the reference for dates written without a year. */
    public LocalDate today() {
        return now().toLocalDate();
    }

    /** Every free start time on {@code day} for an appointment of {@code length}, earliest first. */
    public synchronized List<LocalDateTime> freeSlots(LocalDate day, Duration length) {
        Optional<WeeklyHours.Hours> open = hours.on(day.getDayOfWeek());
        if (open.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = now();
        LocalDateTime closes = day.atTime(open.get().closes());
        List<LocalDateTime> slots = new ArrayList<>();
        for (LocalDateTime start = day.atTime(open.get().opens()); !start.plus(length).isAfter(closes); start = start.plus(grid)) {
            if (!start.isBefore(now) && isFree(start, start.plus(length))) {
                slots.add(start);
            }
        }
        return slots;
    }

    /** The earliest free slot on each of the next {@code days} days that have one, starting today. */
    public synchronized List<LocalDateTime> firstFreeSlots(Duration length, int days) {
        List<LocalDateTime> slots = new ArrayList<>();
        LocalDate day = today();
        for (int i = 0; i < HORIZON_DAYS && slots.size() < days; i++, day = day.plusDays(1)) {
            freeSlots(day, length).stream().findFirst().ifPresent(slots::add);
        }
        return slots;
    }

    /**
     * Books {@code start} for {@code length}.
     *
     * @param idempotencyKey a repeated key returns the booking made first with it
     * @throws SlotUnavailableException when the time has passed, is outside opening hours, off the
     *         half-hour grid or taken
     */
    public synchronized Appointment book(String service, String customerName, LocalDateTime start, Duration length,
                                         String idempotencyKey) {
        Appointment earlier = byIdempotencyKey.get(idempotencyKey);
        if (earlier != null) {
            return earlier;
        }
        if (start.isBefore(now())) {
            throw SlotUnavailableException.passed(start);
        }
        if (!freeSlots(start.toLocalDate(), length).contains(start)) {
            throw new SlotUnavailableException(start);
        }
        String reference = String.format(Locale.ROOT, "GLOW-%04d", sequence.incrementAndGet());
        Appointment appointment = new Appointment(reference, service, customerName, start, start.plus(length));
        appointments.add(appointment);
        byIdempotencyKey.put(idempotencyKey, appointment);
        return appointment;
    }

    /** All bookings, in the order they were made. */
    public synchronized List<Appointment> appointments() {
        return List.copyOf(appointments);
    }

    private boolean isFree(LocalDateTime start, LocalDateTime end) {
        return appointments.stream().noneMatch(a -> a.overlaps(start, end));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(zone));
    }
}
