package dev.threadline.messaging.openai.internal;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessage;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.openai.OpenAiSettings;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Chat Completions endpoint: the SDK client configured from {@link OpenAiSettings} (timeout and retries
 * always explicit), with every failure mapped by {@link ProviderFailures}. A failing provider is logged at
 * warn once, then at debug until it answers again.
 */
public final class ChatCompletionsClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsClient.class);

    private final OpenAIClient client;
    private final OpenAiSettings settings;
    private final ProviderFailures failures;
    private final AtomicBoolean failing = new AtomicBoolean();

    /** @param clock reads the provider's {@code Retry-After} dates */
    public ChatCompletionsClient(OpenAiSettings settings, Clock clock) {
        this.settings = settings;
        this.failures = new ProviderFailures(clock);
        this.client = OpenAIOkHttpClient.builder()
                .apiKey(settings.apiKey())
                .baseUrl(settings.baseUrl())
                .timeout(settings.timeout())
                .maxRetries(settings.maxRetries())
                .build();
    }

    public OpenAiSettings settings() {
        return settings;
    }

    /** A params builder with the model and temperature set. */
    public ChatCompletionCreateParams.Builder newRequest(int maxTokens) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .maxCompletionTokens(maxTokens);
        if (settings.temperature() != null) {
            params.temperature(settings.temperature());
        }
        return params;
    }

    /**
     * Sends the request and returns the first choice's message.
     *
     * @throws dev.threadline.messaging.MessagingException as mapped by {@link ProviderFailures}
     */
    public ChatCompletionMessage complete(ChatCompletionCreateParams params) {
        ChatCompletionMessage message;
        try {
            ChatCompletion completion = client.chat().completions().create(params);
            if (completion.choices().isEmpty()) {
                throw new RetriableMessagingException("the AI provider answered with no choices", null, null);
            }
            message = completion.choices().get(0).message();
        } catch (OpenAIException e) {
            var mapped = failures.map(e);
            if (failing.compareAndSet(false, true)) {
                log.warn("AI provider call to {} failed: {}", settings.baseUrl(), mapped.getMessage());
            } else {
                log.debug("AI provider call to {} failed again: {}", settings.baseUrl(), mapped.getMessage());
            }
            throw mapped;
        }
        if (failing.compareAndSet(true, false)) {
            log.info("AI provider at {} answers again", settings.baseUrl());
        }
        return message;
    }

    @Override
    public void close() {
        client.close();
    }
}
