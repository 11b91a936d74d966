package dev.threadline.messaging;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Root of every exception Threadline throws on purpose. Each carries a stable {@link ErrorCode} and,
 * for validation problems, the field at fault. Catch {@link RetriableMessagingException} to decide
 * whether trying again can help.
 */
public abstract sealed class MessagingException extends RuntimeException
        permits RetriableMessagingException, NonRetriableMessagingException {

    private final ErrorCode code;
    private final @Nullable String field;

    protected MessagingException(ErrorCode code, String message, @Nullable String field, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** The stable error code. */
    public ErrorCode code() {
        return code;
    }

    /** The request field at fault, when there is one. */
    public @Nullable String field() {
        return field;
    }

    /** Whether the same call may succeed later. */
    public abstract boolean isRetriable();
}
