package dev.threadline.messaging.sendgrid.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.support.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The one place where SendGrid's answers become our exceptions: 429 and 5xx and I/O failures may pass and are
 * retriable; every other 4xx is a permanent rejection carrying the HTTP status as the provider's code and the
 * messages of SendGrid's {@code {"errors":[{"message","field"}]}} body.
 */
public final class SendGridFailures {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL_LENGTH = 500;

    private final Clock clock;

    public SendGridFailures(Clock clock) {
        this.clock = clock;
    }

    /** The exception for a non-2xx answer. */
    public MessagingException fromResponse(int status, @Nullable String body, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        if (status == 429) {
            return new RetriableMessagingException(ErrorCode.RATE_LIMITED, "SendGrid rate limit reached (429)",
                    retryAfter(byName), null);
        }
        if (status >= 500) {
            return new RetriableMessagingException("SendGrid is unavailable (" + status + ")", retryAfter(byName), null);
        }
        List<Detail> details = details(body);
        String field = details.stream().map(Detail::field).filter(Objects::nonNull).findFirst().orElse(null);
        String text = details.isEmpty() ? "no error details"
                : String.join("; ", details.stream().map(Detail::describe).toList());
        return new NonRetriableMessagingException(ErrorCode.DELIVERY_FAILED,
                "SendGrid rejected the mail (" + status + "): " + truncate(text), field, Integer.toString(status), null);
    }

    /** The exception for a failure to talk to SendGrid at all (connect/read timeouts, resets). */
    public RetriableMessagingException fromIo(IOException e) {
        return new RetriableMessagingException("SendGrid could not be reached: " + e.getClass().getSimpleName(), null, e);
    }

    /** {@code Retry-After} when SendGrid sent a readable one, else its rate-limit reset time. */
    private @Nullable Duration retryAfter(Map<String, String> headers) {
        Duration retryAfter = RetryAfter.parse(headers.get("Retry-After"), clock.instant());
        return retryAfter != null ? retryAfter : RetryAfter.untilEpochSecond(headers.get("X-RateLimit-Reset"), clock.instant());
    }

    private record Detail(String message, @Nullable String field) {
        String describe() {
            return field == null ? message : message + " (field " + field + ")";
        }
    }

    private static List<Detail> details(@Nullable String body) {
        List<Detail> details = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return details;
        }
        try {
            for (JsonNode error : JSON.readTree(body).path("errors")) {
                String message = error.path("message").asText("");
                String field = error.path("field").isTextual() ? error.path("field").asText() : null;
                if (!message.isBlank()) {
                    details.add(new Detail(message, field));
                }
            }
        } catch (IOException notJson) {
            // A proxy's HTML error page: the status alone has to do.
        }
        return details;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
