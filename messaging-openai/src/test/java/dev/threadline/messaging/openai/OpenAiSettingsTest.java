package dev.threadline.messaging.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ChannelId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiSettingsTest {

    @Test
    void environmentWithoutKeyGivesNoSettings() {
        assertThat(OpenAiSettings.fromEnvironment(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1"))).isEmpty();
    }

    @Test
    void environmentKeyAndBaseUrlAreUsed() {
        OpenAiSettings settings = OpenAiSettings.fromEnvironment(
                Map.of("OPENAI_API_KEY", "sk-test", "OPENAI_BASE_URL", "http://localhost:11434/v1")).orElseThrow();

        assertThat(settings.apiKey()).isEqualTo("sk-test");
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:11434/v1");
    }

    @Test
    void baseUrlDefaultsToOpenAiWhenTheEnvironmentNamesNone() {
        OpenAiSettings settings = OpenAiSettings.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-test")).orElseThrow();

        assertThat(settings.baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void maxTokensFollowTheChannelWithADefaultForOthers() {
        OpenAiSettings settings = OpenAiSettings.builder().apiKey("k").maxTokens(ChannelId.EMAIL, 1200).defaultMaxTokens(700).build();

        assertThat(settings.maxTokensFor(ChannelId.EMAIL)).isEqualTo(1200);
        assertThat(settings.maxTokensFor(ChannelId.SMS)).isEqualTo(250);
        assertThat(settings.maxTokensFor(new ChannelId("kiosk"))).isEqualTo(700);
    }

    @Test
    void missingKeyIsRejectedByName() {
        assertThatThrownBy(() -> OpenAiSettings.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiKey");
    }

    @Test
    void zeroToolIterationsAreRejectedByName() {
        assertThatThrownBy(() -> OpenAiSettings.builder().apiKey("k").maxToolIterations(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxToolIterations");
    }

    @Test
    void textFormNeverShowsTheKey() {
        assertThat(OpenAiSettings.builder().apiKey("sk-secret-123").build().toString()).doesNotContain("sk-secret-123");
    }
}
