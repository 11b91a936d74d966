package dev.threadline.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A failure that trying again will not fix: bad input, unknown ids, conflicting state, an opted-out
 * recipient, or a provider's permanent rejection (with the provider's own error code).
 */
public final class NonRetriableMessagingException extends MessagingException {

    private final @Nullable String providerErrorCode;

    public NonRetriableMessagingException(ErrorCode code, String message, @Nullable String field) {
        this(code, message, field, null, null);
    }

    public NonRetriableMessagingException(ErrorCode code, String message, @Nullable String field,
                                          @Nullable String providerErrorCode, @Nullable Throwable cause) {
        super(code, message, field, cause);
        this.providerErrorCode = providerErrorCode;
    }

    /** A validation failure on {@code field}. */
    public static NonRetriableMessagingException validation(String field, String message) {
        return new NonRetriableMessagingException(ErrorCode.VALIDATION_FAILED, message, field);
    }

    /** An unknown id, or an id of another tenant. */
    public static NonRetriableMessagingException notFound(String what, String id) {
        return new NonRetriableMessagingException(ErrorCode.NOT_FOUND, what + " not found: " + id, null);
    }

    /** A caller whose role does not allow {@code what}. */
    public static NonRetriableMessagingException forbidden(String what) {
        return new NonRetriableMessagingException(ErrorCode.FORBIDDEN, what, null);
    }

    /** A request that conflicts with the current state. */
    public static NonRetriableMessagingException conflict(String message) {
        return new NonRetriableMessagingException(ErrorCode.CONFLICT, message, null);
    }

    /** A permanent provider rejection carrying the provider's error code. */
    public static NonRetriableMessagingException deliveryFailed(String providerErrorCode, String message) {
        return new NonRetriableMessagingException(ErrorCode.DELIVERY_FAILED, message, null, providerErrorCode, null);
    }

    /** The provider's own error code (e.g. Twilio's 21211), when the provider rejected the message. */
    public @Nullable String providerErrorCode() {
        return providerErrorCode;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
