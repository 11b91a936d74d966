package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendGridSettingsTest {

    @Test
    void builderFillsTheDocumentedDefaults() {
        SendGridSettings settings = SendGridSettings.builder("SG.key", "hello@acme.test").build();

        assertThat(List.of(settings.apiBaseUrl(), settings.webhookTolerance(), settings.timeouts()))
                .containsExactly("https://api.sendgrid.com", Duration.ofMinutes(10), SendGridSettings.Timeouts.DEFAULT);
    }

    @Test
    void apiKeyStaysOutOfToString() {
        assertThat(SendGridSettings.builder("SG.secret-key", "hello@acme.test").build().toString()).doesNotContain("SG.secret-key");
    }

    @Test
    void baseUrlMustBeHttp() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SendGridSettings.builder("SG.key", "hello@acme.test").apiBaseUrl("ftp://api.sendgrid.com").build())
                .withMessageContaining("apiBaseUrl");
    }

    @Test
    void missingApiKeyIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SendGridSettings.builder(" ", "hello@acme.test").build())
                .withMessage("apiKey is required");
    }
}
