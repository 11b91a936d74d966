package dev.threadline.examples.console.booking;

import java.time.LocalDateTime;

/** The requested appointment time cannot be booked; the message is shown to the AI model. */
public final class SlotUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The time is taken, outside opening hours or off the grid. */
    public SlotUnavailableException(LocalDateTime start) {
        this(start, "is not available");
    }

    private SlotUnavailableException(LocalDateTime start, String why) {
        super(SlotFormat.display(start) + " " + why + "; call check_availability for open times");
    }

    /** The time is already in the past. */
    static SlotUnavailableException passed(LocalDateTime start) {
        return new SlotUnavailableException(start, "has already passed");
    }
}
