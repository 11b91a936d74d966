package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.spi.AiResponder;

/** Wraps the AI responder before the manager gets it (e.g. to time its calls). */
@FunctionalInterface
public interface ResponderDecorator {

    AiResponder decorate(AiResponder responder);
}
