package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.spring.MessagingTwilioAutoConfiguration;
import dev.threadline.messaging.testkit.fakes.FakeTwilioApi;
import dev.threadline.messaging.twilio.TwilioChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code messaging.twilio.pacing.*} properties pace the sends of the channels the starter builds. The app's
 * clock stands still, so a number's next slot is exactly one send's share of its configured rate away; with
 * {@code max-wait} 0 s a send that would have to wait for it is refused at once, with that wait as its
 * {@code Retry-After}, instead of sleeping. The sends go to {@link FakeTwilioApi}, Twilio's Messages resource on 127.0.0.1.
 */
class TwilioPacingPropertiesTest {

    private static final String LONG_CODE = "+14155550001";
    private static final String TOLL_FREE = "+18005550100";
    private static final String CUSTOMER = "+14155550123";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private FakeTwilioApi twilio;

    private ApplicationContextRunner runner;

    @BeforeEach
    void startTwilio() {
        twilio = new FakeTwilioApi(Clock.fixed(NOW, ZoneOffset.UTC));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingTwilioAutoConfiguration.class, MessagingAutoConfiguration.class))
                .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
                .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false",
                        "messaging.twilio.account-sid=" + FakeTwilioApi.ACCOUNT_SID, "messaging.twilio.auth-token=" + FakeTwilioApi.AUTH_TOKEN,
                        "messaging.twilio.from-number=" + LONG_CODE,
                        "messaging.twilio.api-base-url=" + twilio.baseUrl(),
                        "messaging.twilio.pacing.max-wait=0s");
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    @Test
    void tollFreeNumberConfiguredAtTenSegmentsPerSecondHasASlotEveryTenthOfASecond() {
        runner.withPropertyValues("messaging.twilio.pacing.segments-per-second.[+18005550100]=10").run(context -> {
            TwilioChannel sms = context.getBean("twilioSmsChannel", TwilioChannel.class);
            sms.send(sms(TOLL_FREE));

            assertThatExceptionOfType(RetriableMessagingException.class).isThrownBy(() -> sms.send(sms(TOLL_FREE)))
                    .satisfies(paced -> {
                        assertThat(paced.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                        assertThat(paced.retryAfter()).isEqualTo(Duration.ofMillis(100));
                    });
            assertThat(sentFrom()).containsExactly(TOLL_FREE);
        });
    }

    @Test
    void numbersNotListedSendAtTheDefaultRate() {
        runner.withPropertyValues("messaging.twilio.pacing.default-segments-per-second=4",
                "messaging.twilio.pacing.segments-per-second.[+18005550100]=10").run(context -> {
            TwilioChannel sms = context.getBean("twilioSmsChannel", TwilioChannel.class);
            sms.send(sms(LONG_CODE));

            assertThatExceptionOfType(RetriableMessagingException.class).isThrownBy(() -> sms.send(sms(LONG_CODE)))
                    .extracting(RetriableMessagingException::retryAfter).isEqualTo(Duration.ofMillis(250));
            assertThat(sentFrom()).containsExactly(LONG_CODE);
        });
    }

    @Test
    void whatsAppSenderIsPacedByTheSameRates() {
        runner.withPropertyValues("messaging.twilio.whatsapp-from-number=" + TOLL_FREE,
                "messaging.twilio.pacing.segments-per-second.[+18005550100]=10").run(context -> {
            TwilioChannel whatsApp = context.getBean("twilioWhatsAppChannel", TwilioChannel.class);
            whatsApp.send(delivery(ChannelId.WHATSAPP, null));

            assertThatExceptionOfType(RetriableMessagingException.class).isThrownBy(() -> whatsApp.send(delivery(ChannelId.WHATSAPP, null)))
                    .extracting(RetriableMessagingException::retryAfter).isEqualTo(Duration.ofMillis(100));
            assertThat(sentFrom()).containsExactly("whatsapp:" + TOLL_FREE);
        });
    }

    /** A one-segment SMS from {@code ourNumber}, the number the customer wrote to. */
    private static OutboundDelivery sms(String ourNumber) {
        return delivery(ChannelId.SMS, ourNumber);
    }

    /**
     * A one-segment staff message to the customer as the delivery worker hands it to the channel; without
     * {@code ourAddress} it goes out from the channel's configured sending number.
     */
    private static OutboundDelivery delivery(ChannelId channel, @Nullable String ourAddress) {
        Conversation conversation = new Conversation("conv-1", "acme", channel, "contact-1", "Ana", CUSTOMER, null, ourAddress,
                channel + "|" + CUSTOMER, ConversationStatus.ACTIVE, null, null, NOW, NOW, 1, 0, null, null, "default", null, null, null, Map.of(), 1);
        Message message = new Message("msg-1", "acme", conversation.id(), channel, Direction.OUTBOUND, Author.STAFF, "See you Tuesday!",
                null, List.of(), null, null, DeliveryStatus.QUEUED, NOW, NOW, null, null, Map.of());
        return new OutboundDelivery(message, conversation, List.of(), 1);
    }

    /** The sending number of each message Twilio was asked to create, in order. */
    private List<String> sentFrom() {
        return twilio.requests().stream().map(request -> request.field("From")).toList();
    }
}
