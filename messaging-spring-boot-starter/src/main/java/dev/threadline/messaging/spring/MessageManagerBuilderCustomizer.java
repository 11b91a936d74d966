package dev.threadline.messaging.spring;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessageManagerBuilder;

/**
 * Adjusts the autoconfigured {@link MessageManager} before it is built: help text, content limits, retry
 * policy and anything else {@link MessageManagerBuilder} offers. Every bean of this type is applied, in
 * {@link org.springframework.core.annotation.Order order}, after the starter's own settings.
 */
@FunctionalInterface
public interface MessageManagerBuilderCustomizer {

    void customize(MessageManagerBuilder builder);
}
