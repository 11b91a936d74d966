package dev.threadline.messaging.spring.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the SendGrid webhook controller, which stays package-private. */
@Configuration(proxyBeanMethods = false)
@Import(SendGridWebhookController.class)
public class SendGridWebhookRoutes {
}
