package dev.threadline.examples.console.booking;

import java.time.LocalDateTime;

/** The requested appointment time cannot be booked; the message is shown to the AI model. */
public final class SlotUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SlotUnavailableException(LocalDateTime start) {
        super(SlotFormat.display(start) + " is not available; call check_availability for open times");
    }
}
