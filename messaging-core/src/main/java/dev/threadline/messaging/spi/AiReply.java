package dev.threadline.messaging.spi;

import java.util.Objects;

/** The text an {@link AiResponder} wants sent to the customer. */
public record AiReply(String content) {
    public AiReply {
        Objects.requireNonNull(content, "content");
        if (content.isBlank()) {
            throw new IllegalArgumentException("AI reply is empty");
        }
    }
}
