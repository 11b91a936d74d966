package dev.threadline.examples.console.booking;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A booked appointment, in the spa's local time.
 *
 * @param reference the confirmation code given to the customer
 */
public record Appointment(String reference, String service, String customerName, LocalDateTime start, LocalDateTime end) {
    public Appointment {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    boolean overlaps(LocalDateTime otherStart, LocalDateTime otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
