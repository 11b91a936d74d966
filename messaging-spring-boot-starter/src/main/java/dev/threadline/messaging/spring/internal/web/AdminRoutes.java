package dev.threadline.messaging.spring.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the admin controllers, which stay package-private. */
@Configuration(proxyBeanMethods = false)
@Import({SendController.class, ConversationController.class, MessageController.class, StreamController.class,
        DeadLetterController.class})
public class AdminRoutes {
}
