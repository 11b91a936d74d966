package dev.threadline.messaging.spring.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the Twilio webhook controller, which stays package-private. */
@Configuration(proxyBeanMethods = false)
@Import(TwilioWebhookController.class)
public class TwilioWebhookRoutes {
}
