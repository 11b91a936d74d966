package dev.threadline.messaging.spring;

import dev.threadline.messaging.sendgrid.SendGridChannel;
import dev.threadline.messaging.sendgrid.SendGridEventParser;
import dev.threadline.messaging.sendgrid.SendGridEventVerifier;
import dev.threadline.messaging.sendgrid.SendGridInboundParser;
import dev.threadline.messaging.sendgrid.SendGridSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SendGrid email when messaging-sendgrid is on the classpath and {@code messaging.sendgrid.api-key} and
 * {@code from-email} are set (it replaces the email simulator); the Event Webhook's signature verifier when
 * {@code messaging.sendgrid.webhook-public-key} is set; the Event Webhook and Inbound Parse parsers whenever the
 * module is present.
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class)
@ConditionalOnClass(SendGridChannel.class)
public class MessagingSendGridAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SendGridInboundParser sendGridInboundParser() {
        return new SendGridInboundParser();
    }

    @Bean
    @ConditionalOnMissingBean
    SendGridEventParser sendGridEventParser() {
        return new SendGridEventParser();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "messaging.sendgrid", name = "webhook-public-key")
    SendGridEventVerifier sendGridEventVerifier(MessagingProperties properties, Clock clock) {
        MessagingProperties.SendGrid sendgrid = properties.sendgrid();
        return new SendGridEventVerifier(sendgrid.webhookPublicKey(), sendgrid.webhookTolerance(), clock);
    }

    /** The mail channel, present when the API key and sender are configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "messaging.sendgrid", name = {"api-key", "from-email"})
    static class Channel {

        @Bean
        @ConditionalOnMissingBean
        SendGridSettings sendGridSettings(MessagingProperties properties) {
            MessagingProperties.SendGrid sendgrid = properties.sendgrid();
            return SendGridSettings.builder(sendgrid.apiKey(), sendgrid.fromEmail())
                    .fromName(sendgrid.fromName())
                    .replyTo(sendgrid.replyTo())
                    .apiBaseUrl(sendgrid.apiBaseUrl())
                    .webhookPublicKey(sendgrid.webhookPublicKey())
                    .webhookTolerance(sendgrid.webhookTolerance())
                    .timeouts(new SendGridSettings.Timeouts(sendgrid.connectTimeout(), sendgrid.readTimeout()))
                    .build();
        }

        @Bean
        @ConditionalOnMissingBean
        SendGridChannel sendGridChannel(SendGridSettings settings, Clock clock) {
            return new SendGridChannel(settings, clock);
        }
    }
}
