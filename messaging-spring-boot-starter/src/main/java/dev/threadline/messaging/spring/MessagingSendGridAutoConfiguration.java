package dev.threadline.messaging.spring;

import dev.threadline.messaging.sendgrid.AttachmentLimits;
import dev.threadline.messaging.sendgrid.AttachmentStore;
import dev.threadline.messaging.sendgrid.LocalAttachmentStore;
import dev.threadline.messaging.sendgrid.SendGridChannel;
import dev.threadline.messaging.sendgrid.SendGridEventParser;
import dev.threadline.messaging.sendgrid.SendGridEventVerifier;
import dev.threadline.messaging.sendgrid.SendGridInboundParser;
import dev.threadline.messaging.sendgrid.SendGridSettings;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
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
 * module is present, the latter storing attachments in the local directory
 * {@code messaging.sendgrid.attachments.directory} when set (or in an {@link AttachmentStore} bean of the app's).
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class)
@ConditionalOnClass(SendGridChannel.class)
public class MessagingSendGridAutoConfiguration {

    /** The local attachment store when {@code messaging.sendgrid.attachments.directory} is set. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "messaging.sendgrid.attachments", name = "directory")
    AttachmentStore sendGridAttachmentStore(MessagingProperties properties) {
        return new LocalAttachmentStore(properties.sendgrid().attachments().directory());
    }

    /** Stores attachments in the AttachmentStore bean when there is one, else only describes them. */
    @Bean
    @ConditionalOnMissingBean
    SendGridInboundParser sendGridInboundParser(ObjectProvider<AttachmentStore> store, MessagingProperties properties) {
        AttachmentStore attachments = store.getIfAvailable();
        if (attachments == null) {
            return new SendGridInboundParser();
        }
        MessagingProperties.SendGrid.Attachments limits = properties.sendgrid().attachments();
        return new SendGridInboundParser(attachments,
                new AttachmentLimits(limits.maxSize().toBytes(), limits.maxMessageSize().toBytes()));
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
