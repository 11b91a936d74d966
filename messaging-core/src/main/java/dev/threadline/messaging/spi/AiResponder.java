package dev.threadline.messaging.spi;

import dev.threadline.messaging.RetriableMessagingException;
import java.util.Objects;

/**
 * Writes the reply to a conversation, optionally calling host tools through
 * {@link AiRequest#toolRunner()}, which records every call.
 *
 * <p>Throw {@link dev.threadline.messaging.RetriableMessagingException} when the provider is
 * unavailable after the responder's own retries; the customer's message is already stored by then.
 */
@FunctionalInterface
public interface AiResponder {

    AiReply respond(AiRequest request);

    /**
     * A responder that falls back to {@code fallback} when this one is unavailable. The fallback's reply
     * carries the failure it replaced ({@link AiReply#replacedFailure()}), so the outage stays visible.
     */
    default AiResponder withFallback(AiResponder fallback) {
        AiResponder primary = this;
        return request -> {
            try {
                return primary.respond(request);
            } catch (RetriableMessagingException e) {
                AiReply.ProviderFailure failure = new AiReply.ProviderFailure(e.code(),
                        Objects.requireNonNullElse(e.getMessage(), "the AI provider is unavailable"));
                return fallback.respond(request).asFallbackFor(failure);
            }
        };
    }
}
