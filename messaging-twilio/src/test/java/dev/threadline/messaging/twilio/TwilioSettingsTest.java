package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TwilioSettingsTest {

    private static final TwilioSettings SETTINGS = TwilioSettings.of("AC00000000000000000000000000000001", "secret-token", "+14155550100");

    @Test
    void defaultsToTwilioRestEndpoint() {
        assertThat(SETTINGS.apiBaseUrl()).isEqualTo("https://api.twilio.com");
    }

    @Test
    void statusCallbackUrlIsUnderThePublicBaseUrl() {
        assertThat(SETTINGS.withPublicBaseUrl("https://app.example.com/").statusCallbackUrl())
                .isEqualTo("https://app.example.com/webhooks/twilio/status");
    }

    @Test
    void noStatusCallbackWithoutPublicBaseUrl() {
        assertThat(SETTINGS.statusCallbackUrl()).isNull();
        assertThat(SETTINGS.statusCallbackUrl("msg-1")).isNull();
    }

    @Test
    void aMessagesStatusCallbackUrlCarriesItsIdEncoded() {
        assertThat(SETTINGS.withPublicBaseUrl("https://app.example.com").statusCallbackUrl("01JD3Q+7Z/x"))
                .isEqualTo("https://app.example.com/webhooks/twilio/status?message_id=01JD3Q%2B7Z%2Fx");
    }

    @Test
    void toStringNeverShowsTheAuthToken() {
        assertThat(SETTINGS.toString()).doesNotContain("secret-token");
    }

    @Test
    void rejectsApiBaseUrlThatIsNotHttp() {
        assertThatIllegalArgumentException().isThrownBy(() -> SETTINGS.withApiBaseUrl("api.twilio.com"))
                .withMessageContaining("messaging.twilio.api-base-url");
    }

    @Test
    void rejectsMissingAuthToken() {
        assertThatIllegalArgumentException().isThrownBy(() -> TwilioSettings.of("AC1", " ", "+14155550100"))
                .withMessageContaining("messaging.twilio.auth-token");
    }

    @Test
    void rejectsZeroTimeout() {
        assertThatIllegalArgumentException().isThrownBy(() -> SETTINGS.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .withMessageContaining("connect-timeout");
    }
}
