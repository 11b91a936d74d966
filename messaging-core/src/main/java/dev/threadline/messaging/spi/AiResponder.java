package dev.threadline.messaging.spi;

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

    /** A responder that falls back to {@code fallback} when this one is unavailable. */
    default AiResponder withFallback(AiResponder fallback) {
        AiResponder primary = this;
        return request -> {
            try {
                return primary.respond(request);
            } catch (dev.threadline.messaging.RetriableMessagingException e) {
                return fallback.respond(request);
            }
        };
    }
}
