package dev.threadline.messaging;

import java.util.Locale;

/** Stable machine-readable error codes. {@link #wireName()} is what HTTP clients see. */
public enum ErrorCode {
    MALFORMED_REQUEST,
    VALIDATION_FAILED,
    UNKNOWN_CHANNEL,
    UNAUTHORIZED,
    INVALID_SIGNATURE,
    /** The caller is known, but their role does not allow what they asked. */
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    RECIPIENT_OPTED_OUT,
    RATE_LIMITED,
    PROVIDER_UNAVAILABLE,
    /** The store could not take what was sent (database down, intake full): nothing was kept, send it again. */
    STORE_UNAVAILABLE,
    /** The provider rejected the message for good (invalid number, bounced address, …). */
    DELIVERY_FAILED;

    /** The snake_case code used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
