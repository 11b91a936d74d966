package dev.threadline.messaging.spring.internal.web.webhooks;

import dev.threadline.messaging.intake.IntakeHandler;
import java.util.Objects;

/** A webhook source and the handler that processes its stored requests; the intake takes every such bean. */
public record IntakeSource(String name, IntakeHandler handler) {
    public IntakeSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
    }
}
