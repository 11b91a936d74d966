package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The same channel against the real {@code https://api.twilio.com}, with the account's free test
 * credentials and Twilio's magic numbers (nothing is sent, nothing is charged). Runs only when
 * {@code TWILIO_TEST_ACCOUNT_SID} and {@code TWILIO_TEST_AUTH_TOKEN} are set; CI sets neither.
 */
@EnabledIfEnvironmentVariable(named = "TWILIO_TEST_ACCOUNT_SID", matches = "AC.+")
@EnabledIfEnvironmentVariable(named = "TWILIO_TEST_AUTH_TOKEN", matches = ".+")
class TwilioTestCredentialsTest {

    /** Magic sender that always works with test credentials. */
    private static final String MAGIC_FROM = "+15005550006";

    private final TwilioChannel channel = TwilioChannel.sms(TwilioSettings.of(
            System.getenv("TWILIO_TEST_ACCOUNT_SID"), System.getenv("TWILIO_TEST_AUTH_TOKEN"), MAGIC_FROM));

    private static OutboundDelivery to(String magicRecipient) {
        return Deliveries.delivery(ChannelId.SMS, "Threadline test credentials check", MAGIC_FROM, magicRecipient, List.of());
    }

    @Test
    void acceptedMessageComesBackWithItsSid() {
        SendResult result = channel.send(to("+14155550123"));

        assertThat(result.providerMessageId()).startsWith("SM");
        assertThat(result.status()).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void invalidNumberFailsWith21211() {
        NonRetriableMessagingException e = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> channel.send(to("+15005550001")));

        assertThat(e.providerErrorCode()).isEqualTo("21211");
    }

    @Test
    void blockedRecipientIsOptedOut() {
        NonRetriableMessagingException e = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> channel.send(to("+15005550004")));

        assertThat(e.code()).isEqualTo(ErrorCode.RECIPIENT_OPTED_OUT);
    }
}
