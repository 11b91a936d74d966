package dev.threadline.messaging.intake;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored request with its processing state.
 *
 * @param attempts processing attempts that failed so far
 * @param lastError why the newest failed attempt failed
 * @param dead whether it is parked as a dead letter, waiting for an admin to replay it
 * @param workerId the worker holding it, when claimed
 * @param leaseUntil when that claim runs out
 */
public record IntakeEntry(IntakeRequest request, int attempts, @Nullable String lastError, boolean dead,
                          @Nullable String workerId, @Nullable Instant leaseUntil) {
    public IntakeEntry {
        Objects.requireNonNull(request, "request");
    }
}
