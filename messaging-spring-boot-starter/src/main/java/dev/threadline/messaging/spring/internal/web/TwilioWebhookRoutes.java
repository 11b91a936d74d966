package dev.threadline.messaging.spring.internal.web;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.spring.internal.WebhookTenants;
import dev.threadline.messaging.twilio.TwilioStatusProcessor;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the Twilio webhook controller, which stays package-private, and the intake's Twilio sources. */
@Configuration(proxyBeanMethods = false)
@Import(TwilioWebhookController.class)
public class TwilioWebhookRoutes {

    @Bean
    TwilioWebhooks messagingTwilioWebhooks(MessageManager manager, TwilioWebhookParser parser, WebhookTenants tenants, Clock clock,
                                           MessagingProperties properties) {
        return new TwilioWebhooks(manager, new TwilioStatusProcessor(manager, clock), parser, tenants, properties.twilio().fromNumber());
    }

    @Bean
    IntakeSource messagingTwilioInboundSource(TwilioWebhooks twilio) {
        return new IntakeSource(TwilioWebhooks.INBOUND, twilio::receive);
    }

    @Bean
    IntakeSource messagingTwilioStatusSource(TwilioWebhooks twilio) {
        return new IntakeSource(TwilioWebhooks.STATUS, twilio::applyStored);
    }
}
