package dev.threadline.messaging.openai.internal;

import com.openai.core.http.Headers;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.errors.UnprocessableEntityException;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.support.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the SDK's exceptions become Threadline's. Timeouts, connection failures, 429s and
 * 5xx answers (after the SDK's bounded retries) are {@code provider_unavailable} and retriable; a rejected
 * key or a request the provider refuses is {@code provider_unavailable} too but not retriable, and says why.
 * Never {@code unauthorized} or {@code validation_failed}: those would tell an API caller that its own
 * request was wrong, when it is our provider configuration.
 */
public final class ProviderFailures {

    private final Clock clock;

    /** @param clock turns a {@code Retry-After} date into a wait */
    public ProviderFailures(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The Threadline exception for a failed Chat Completions call. */
    public MessagingException map(OpenAIException e) {
        if (e instanceof UnauthorizedException || e instanceof PermissionDeniedException) {
            OpenAIServiceException s = (OpenAIServiceException) e;
            return new NonRetriableMessagingException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "the AI provider rejected the API key (HTTP " + s.statusCode() + ")", "api_key", providerCode(s), e);
        }
        if (e instanceof NotFoundException s) {
            return new NonRetriableMessagingException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "the AI provider does not know this model or endpoint (HTTP 404)", "model", providerCode(s), e);
        }
        if (e instanceof BadRequestException || e instanceof UnprocessableEntityException) {
            OpenAIServiceException s = (OpenAIServiceException) e;
            return new NonRetriableMessagingException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "the AI provider refused the request (HTTP " + s.statusCode() + "): " + providerMessage(s), null,
                    providerCode(s), e);
        }
        if (e instanceof OpenAIServiceException s) {
            if (s.statusCode() == 408 || s.statusCode() == 409 || s.statusCode() == 429 || s.statusCode() >= 500) {
                return new RetriableMessagingException("the AI provider is unavailable (HTTP " + s.statusCode() + ")",
                        retryAfter(s.headers()), e);
            }
            return new NonRetriableMessagingException(ErrorCode.PROVIDER_UNAVAILABLE,
                    "the AI provider answered HTTP " + s.statusCode() + ": " + providerMessage(s), null, providerCode(s), e);
        }
        if (e instanceof OpenAIIoException) {
            return new RetriableMessagingException("the AI provider did not answer in time or could not be reached", null, e);
        }
        if (e instanceof OpenAIInvalidDataException) {
            return new RetriableMessagingException("the AI provider sent an answer that could not be read", null, e);
        }
        return new RetriableMessagingException("the AI provider call failed", null, e);
    }

    private static String providerCode(OpenAIServiceException e) {
        return e.code().orElse("http_" + e.statusCode());
    }

    /** The provider's own error text: it describes our request, never the customer's content. */
    private static String providerMessage(OpenAIServiceException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.length() <= 300 ? message : message.substring(0, 300) + "…";
    }

    /** The wait a {@code Retry-After-Ms} or {@code Retry-After} header asked for (seconds or an HTTP date). */
    @Nullable Duration retryAfter(Headers headers) {
        List<String> millis = headers.values("Retry-After-Ms");
        Duration wait = millis.isEmpty() ? null : RetryAfter.parseMillis(millis.get(0));
        if (wait != null) {
            return wait;
        }
        List<String> values = headers.values("Retry-After");
        return values.isEmpty() ? null : RetryAfter.parse(values.get(0), clock.instant());
    }
}
