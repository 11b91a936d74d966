package dev.threadline.messaging.spring.internal.web;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.sendgrid.SendGridInboundParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the SendGrid webhook controller, which stays package-private, and the intake's Inbound Parse source. */
@Configuration(proxyBeanMethods = false)
@Import(SendGridWebhookController.class)
public class SendGridWebhookRoutes {

    @Bean
    IntakeSource messagingSendGridInboundSource(MessageManager manager, SendGridInboundParser parser) {
        return new IntakeSource(SendGridWebhookController.INBOUND,
                request -> manager.receive(parser.parse(request.tenantId(), request.fields())));
    }
}
