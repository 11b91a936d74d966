package dev.threadline.messaging.automation.template;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A template filled in for one recipient and channel. */
public record RenderedMessage(@Nullable String subject, String body) {
    public RenderedMessage {
        Objects.requireNonNull(body, "body");
    }
}
