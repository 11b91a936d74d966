package dev.threadline.messaging;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failure that may go away: provider timeouts, 429s and 5xx answers. Carries the provider's
 * {@code Retry-After} hint when it gave one.
 */
public final class RetriableMessagingException extends MessagingException {

    private final @Nullable Duration retryAfter;

    public RetriableMessagingException(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        this(ErrorCode.PROVIDER_UNAVAILABLE, message, retryAfter, cause);
    }

    public RetriableMessagingException(ErrorCode code, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(code, message, null, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait, if it said. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
