package dev.threadline.messaging.spi;

import dev.threadline.messaging.ErrorCode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The text an {@link AiResponder} wants sent to the customer.
 *
 * @param replacedFailure when a fallback responder wrote this reply because the primary one failed, that
 *        failure; {@code null} for a reply of the primary responder. A fallback reply is never silent: the
 *        manager records the failure, marks the stored reply and reports both to the caller.
 */
public record AiReply(String content, @Nullable ProviderFailure replacedFailure) {

    /** Why the primary responder gave no reply. */
    public record ProviderFailure(ErrorCode code, String message) {
        public ProviderFailure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    public AiReply {
        Objects.requireNonNull(content, "content");
        if (content.isBlank()) {
            throw new IllegalArgumentException("AI reply is empty");
        }
    }

    /** A reply of the primary responder. */
    public AiReply(String content) {
        this(content, null);
    }

    /** Whether a fallback responder wrote this reply in place of a failed one. */
    public boolean isFallback() {
        return replacedFailure != null;
    }

    /** This reply, marked as written in place of a responder that failed with {@code failure}. */
    public AiReply asFallbackFor(ProviderFailure failure) {
        return new AiReply(content, Objects.requireNonNull(failure, "failure"));
    }
}
