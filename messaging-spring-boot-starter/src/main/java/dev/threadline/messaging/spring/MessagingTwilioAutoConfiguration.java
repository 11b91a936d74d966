package dev.threadline.messaging.spring;

import dev.threadline.messaging.twilio.TwilioChannel;
import dev.threadline.messaging.twilio.TwilioPacing;
import dev.threadline.messaging.twilio.TwilioSettings;
import dev.threadline.messaging.twilio.TwilioSignatureVerifier;
import dev.threadline.messaging.twilio.TwilioWebhookParser;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Twilio SMS (and WhatsApp when {@code messaging.twilio.whatsapp-from-number} is set) when messaging-twilio is
 * on the classpath and {@code messaging.twilio.account-sid}, {@code auth-token} and {@code from-number} are
 * set; these channels replace the sms simulator. The webhook parser is always there with the module; the auth token
 * alone is enough to verify webhooks.
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class)
@ConditionalOnClass(TwilioChannel.class)
public class MessagingTwilioAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwilioWebhookParser twilioWebhookParser(MessagingProperties properties) {
        return new TwilioWebhookParser();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "messaging.twilio", name = "auth-token")
    TwilioSignatureVerifier twilioSignatureVerifier(MessagingProperties properties) {
        return new TwilioSignatureVerifier(properties.twilio().authToken());
    }

    /** The REST channels, present when the account is configured. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "messaging.twilio", name = {"account-sid", "auth-token", "from-number"})
    static class Channels {

        @Bean
        @ConditionalOnMissingBean
        TwilioSettings twilioSettings(MessagingProperties properties) {
            MessagingProperties.Twilio twilio = properties.twilio();
            return TwilioSettings.of(twilio.accountSid(), twilio.authToken(), twilio.fromNumber())
                    .withPublicBaseUrl(twilio.publicBaseUrl())
                    .withApiBaseUrl(twilio.apiBaseUrl())
                    .withTimeouts(twilio.connectTimeout(), twilio.readTimeout());
        }

        @Bean
        @ConditionalOnMissingBean
        TwilioPacing twilioPacing(MessagingProperties properties) {
            MessagingProperties.Twilio.Pacing pacing = properties.twilio().pacing();
            return new TwilioPacing(pacing.defaultSegmentsPerSecond(), pacing.segmentsPerSecond(), pacing.maxWait());
        }

        @Bean
        @ConditionalOnMissingBean(name = "twilioSmsChannel")
        TwilioChannel twilioSmsChannel(TwilioSettings settings, TwilioPacing pacing, Clock clock) {
            return TwilioChannel.builder(settings).pacing(pacing).clock(clock).build();
        }

        @Bean
        @ConditionalOnMissingBean(name = "twilioWhatsAppChannel")
        @ConditionalOnProperty(prefix = "messaging.twilio", name = "whatsapp-from-number")
        TwilioChannel twilioWhatsAppChannel(TwilioSettings settings, TwilioPacing pacing, Clock clock, MessagingProperties properties) {
            TwilioSettings whatsApp = new TwilioSettings(settings.accountSid(), settings.authToken(),
                    properties.twilio().whatsappFromNumber(), settings.publicBaseUrl(), settings.apiBaseUrl(),
                    settings.connectTimeout(), settings.readTimeout());
            return TwilioChannel.builder(whatsApp).whatsapp().pacing(pacing).clock(clock).build();
        }
    }
}
