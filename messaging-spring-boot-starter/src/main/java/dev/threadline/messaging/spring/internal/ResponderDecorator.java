package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.spi.AiResponder;

/**
 * Wraps the AI responder before the manager gets it (e.g. to time its calls). Decorators apply in
 * {@link org.springframework.core.annotation.Order} order, the first innermost: the offline fallback
 * ({@link #FALLBACK_ORDER}) wraps the provider before metrics ({@link #METRICS_ORDER}) wrap both, so
 * metrics see every fallback reply and the failure it replaced.
 */
@FunctionalInterface
public interface ResponderDecorator {

    /** Order of the decorator that falls back to the offline responder. */
    int FALLBACK_ORDER = 0;
    /** Order of the decorator that times calls and counts failures and fallbacks. */
    int METRICS_ORDER = 100;

    AiResponder decorate(AiResponder responder);
}
