package dev.threadline.messaging.openai;

import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import java.time.Duration;

/** Settings pointing this module's clients at a fake Chat Completions endpoint. */
final class OpenAiTestSettings {

    private OpenAiTestSettings() {
    }

    /** A short timeout, so a hanging fake fails a test quickly, and no retries unless a test asks for them. */
    static OpenAiSettings.Builder pointingAt(FakeChatCompletionsApi api) {
        return OpenAiSettings.builder().apiKey("test-key").baseUrl(api.baseUrl()).model(FakeChatCompletionsApi.MODEL)
                .timeout(Duration.ofSeconds(5)).maxRetries(0);
    }
}
