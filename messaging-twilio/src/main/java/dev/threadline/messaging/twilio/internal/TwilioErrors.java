package dev.threadline.messaging.twilio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.Response;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.support.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.core5.http.Header;
import org.jspecify.annotations.Nullable;

/**
 * The one place Twilio failures become Threadline exceptions: 429 (with {@code Retry-After}), 5xx and
 * unanswered requests may pass and are retriable; any other answer is a permanent rejection carrying
 * Twilio's error {@code code}, and 21610 (the recipient replied STOP) means the recipient opted out. A
 * message Twilio took but already reports failed, or an unreadable success, also fails for good.
 */
public final class TwilioErrors {

    /** Twilio's "Attempt to send to unsubscribed recipient". */
    public static final String UNSUBSCRIBED_RECIPIENT = "21610";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwilioErrors() {
    }

    /** The exception for a non-2xx answer of the REST API. */
    public static MessagingException fromAnswer(Response response, Instant now) {
        int status = response.getStatusCode();
        if (status == 429) {
            return new RetriableMessagingException(ErrorCode.RATE_LIMITED, "Twilio answered 429 Too Many Requests",
                    retryAfter(response, now), null);
        }
        if (status >= 500) {
            return new RetriableMessagingException("Twilio answered " + status, retryAfter(response, now), null);
        }
        TwilioError error = TwilioError.parse(response.getContent(), status);
        if (UNSUBSCRIBED_RECIPIENT.equals(error.code())) {
            return new NonRetriableMessagingException(ErrorCode.RECIPIENT_OPTED_OUT, error.message(), null,
                    UNSUBSCRIBED_RECIPIENT, null);
        }
        return NonRetriableMessagingException.deliveryFailed(error.code(), error.message());
    }

    /**
     * The exception for a message Twilio took but already reports {@code failed} or {@code undelivered};
     * {@code null} for any other status.
     */
    public static @Nullable NonRetriableMessagingException failedOnCreation(@Nullable String status, @Nullable Integer errorCode,
                                                                           @Nullable String errorMessage) {
        DeliveryStatus mapped = TwilioStatuses.toDeliveryStatus(status);
        if (mapped != DeliveryStatus.FAILED && mapped != DeliveryStatus.UNDELIVERED) {
            return null;
        }
        return NonRetriableMessagingException.deliveryFailed(errorCode != null ? errorCode.toString() : mapped.wireName(),
                errorMessage != null ? errorMessage : "Twilio reported the message " + mapped.wireName());
    }

    /**
     * The exception for a 2xx answer without a readable message resource or list. For a send, Twilio took the
     * request, so sending it again could deliver the text twice: this fails for good.
     */
    public static NonRetriableMessagingException unreadableAnswer(int httpStatus) {
        return NonRetriableMessagingException.deliveryFailed("unreadable_response",
                "Twilio answered " + httpStatus + " without a readable message resource or list");
    }

    /** The exception for a request that got no answer: refused, reset or timed out. */
    public static RetriableMessagingException unanswered(ApiConnectionException e) {
        return new RetriableMessagingException("Twilio did not answer: " + e.getMessage(), null, e);
    }

    /**
     * The wait Twilio asked for: {@code Retry-After} as delta-seconds or an HTTP date; {@code null} when
     * absent or unreadable.
     */
    static @Nullable Duration retryAfter(Response response, Instant now) {
        Header[] headers = response.getHeaders();
        if (headers == null) {
            return null;
        }
        for (Header header : headers) {
            if ("Retry-After".equalsIgnoreCase(header.getName())) {
                return RetryAfter.parse(header.getValue(), now);
            }
        }
        return null;
    }

    /**
     * Twilio's error body ({@code {"code":21211,"message":"…","more_info":"…","status":400}}); an answer
     * without one is described by its HTTP status.
     */
    private record TwilioError(String code, String message) {
        static TwilioError parse(@Nullable String body, int status) {
            String fallbackCode = "http_" + status;
            String fallbackMessage = "Twilio answered " + status;
            if (body == null || body.isBlank()) {
                return new TwilioError(fallbackCode, fallbackMessage);
            }
            try {
                JsonNode json = JSON.readTree(body);
                JsonNode code = json.path("code");
                JsonNode message = json.path("message");
                return new TwilioError(code.isNumber() || code.isTextual() ? code.asText() : fallbackCode,
                        message.isTextual() && !message.asText().isBlank() ? message.asText() : fallbackMessage);
            } catch (IOException e) {
                return new TwilioError(fallbackCode, fallbackMessage);
            }
        }
    }
}
