package dev.threadline.messaging.spring.internal.web.support;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * One error answer of the API: status, stable code, message and the field at fault, written as
 * {@code {"error":{"code","message","field"}}}.
 */
record ApiError(HttpStatus status, String code, String message, @Nullable String field, @Nullable Duration retryAfter) {

    private static final Map<ErrorCode, HttpStatus> STATUS = Map.ofEntries(
            Map.entry(ErrorCode.MALFORMED_REQUEST, HttpStatus.BAD_REQUEST),
            Map.entry(ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST),
            Map.entry(ErrorCode.UNKNOWN_CHANNEL, HttpStatus.BAD_REQUEST),
            Map.entry(ErrorCode.UNAUTHORIZED, HttpStatus.UNAUTHORIZED),
            Map.entry(ErrorCode.INVALID_SIGNATURE, HttpStatus.FORBIDDEN),
            Map.entry(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN),
            Map.entry(ErrorCode.NOT_FOUND, HttpStatus.NOT_FOUND),
            Map.entry(ErrorCode.CONFLICT, HttpStatus.CONFLICT),
            Map.entry(ErrorCode.PAYLOAD_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE),
            Map.entry(ErrorCode.RECIPIENT_OPTED_OUT, HttpStatus.UNPROCESSABLE_CONTENT),
            Map.entry(ErrorCode.RATE_LIMITED, HttpStatus.TOO_MANY_REQUESTS),
            Map.entry(ErrorCode.PROVIDER_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(ErrorCode.STORE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE),
            Map.entry(ErrorCode.DELIVERY_FAILED, HttpStatus.BAD_GATEWAY));

    static ApiError of(HttpStatus status, String code, String message) {
        return new ApiError(status, code, message, null, null);
    }

    static ApiError of(ErrorCode code, String message) {
        return new ApiError(STATUS.get(code), code.wireName(), message, null, null);
    }

    static ApiError of(MessagingException e) {
        Duration retryAfter = e instanceof RetriableMessagingException r ? r.retryAfter() : null;
        String message = e.getMessage() == null ? e.code().wireName() : e.getMessage();
        return new ApiError(STATUS.get(e.code()), e.code().wireName(), message, e.field(), retryAfter);
    }

    ApiError withField(@Nullable String value) {
        return new ApiError(status, code, message, value, retryAfter);
    }

    void write(HttpServletResponse response) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (retryAfter != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getOutputStream().write(Json.bytes(Map.of("error", new Body(code, message, field))));
    }

    private record Body(String code, String message, @Nullable String field) {
    }
}
