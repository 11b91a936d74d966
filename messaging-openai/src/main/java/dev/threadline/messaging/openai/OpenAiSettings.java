package dev.threadline.messaging.openai;

import dev.threadline.messaging.ChannelId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to reach an OpenAI-compatible Chat Completions endpoint and how to talk to it. Build with
 * {@link #builder()} or read the standard environment variables with {@link #fromEnvironment()}.
 *
 * <p>Any server speaking the Chat Completions wire format works: OpenAI itself, or a local Ollama, vLLM or
 * LM Studio through {@link #baseUrl()}.
 *
 * @param apiKey the bearer key; local servers usually accept any non-empty value
 * @param baseUrl the API root including the version path, e.g. {@code https://api.openai.com/v1}
 * @param model the chat model id
 * @param timeout longest one HTTP attempt may take
 * @param maxRetries retries after a timeout, a 429 (waiting as long as {@code Retry-After} asks) or a 5xx
 * @param temperature sampling temperature, or null to leave it to the server (some models accept only their default)
 * @param maxTokensByChannel most completion tokens for replies on a channel
 * @param defaultMaxTokens most completion tokens where {@code maxTokensByChannel} has no entry, and for scoring
 *        and summaries
 * @param persona the business's voice and facts for every channel; channel guidance is appended to it
 * @param maxToolIterations most rounds of tool calls per reply before the model must answer without tools
 * @param fallbackReply sent when the model gives no usable text (an empty answer, a refusal, tool calls
 *        after the last round)
 */
public record OpenAiSettings(
        String apiKey,
        String baseUrl,
        String model,
        Duration timeout,
        int maxRetries,
        @Nullable Double temperature,
        Map<ChannelId, Integer> maxTokensByChannel,
        int defaultMaxTokens,
        String persona,
        int maxToolIterations,
        String fallbackReply) {

    /** Environment variable holding the API key. */
    public static final String API_KEY_VARIABLE = "OPENAI_API_KEY";
    /** Environment variable holding the base URL. */
    public static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";
    /** OpenAI's own endpoint, used when neither the builder nor the environment names one. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** A small, inexpensive model that supports tools and structured output. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    /** The persona used when the host configures none. */
    public static final String DEFAULT_PERSONA = "You are the friendly, concise assistant of a small business, answering its "
            + "customers' messages. Be accurate: use the tools you are given to look things up or act, never invent "
            + "availability, prices or bookings, and say honestly when a team member needs to follow up.";

    public OpenAiSettings {
        requireText(apiKey, "apiKey");
        requireText(baseUrl, "baseUrl");
        requireText(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (temperature != null && !(temperature >= 0.0 && temperature <= 2.0)) {
            throw new IllegalArgumentException("temperature must be within 0..2: " + temperature);
        }
        maxTokensByChannel = Map.copyOf(maxTokensByChannel);
        maxTokensByChannel.forEach((channel, tokens) -> requirePositive(tokens, "maxTokens for " + channel));
        requirePositive(defaultMaxTokens, "defaultMaxTokens");
        requireText(persona, "persona");
        requirePositive(maxToolIterations, "maxToolIterations");
        requireText(fallbackReply, "fallbackReply");
    }

    /** Most completion tokens for a reply on {@code channel}. */
    public int maxTokensFor(ChannelId channel) {
        return maxTokensByChannel.getOrDefault(channel, defaultMaxTokens);
    }

    /** A builder with every default filled in; only the API key must be set. */
    public static Builder builder() {
        return new Builder(System.getenv());
    }

    /**
     * Settings from {@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL}, with defaults for the rest; empty when
     * no key is set, so the host can keep the offline responder.
     */
    public static Optional<OpenAiSettings> fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** As {@link #fromEnvironment()}, reading the variables from {@code environment}. */
    public static Optional<OpenAiSettings> fromEnvironment(Map<String, String> environment) {
        String key = environment.get(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Builder(environment).apiKey(key.strip()).build());
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(Map.of());
        b.apiKey = apiKey;
        b.baseUrl = baseUrl;
        b.model = model;
        b.timeout = timeout;
        b.maxRetries = maxRetries;
        b.temperature = temperature;
        b.maxTokensByChannel.clear();
        b.maxTokensByChannel.putAll(maxTokensByChannel);
        b.defaultMaxTokens = defaultMaxTokens;
        b.persona = persona;
        b.maxToolIterations = maxToolIterations;
        b.fallbackReply = fallbackReply;
        return b;
    }

    @Override
    public String toString() {
        // The key never goes into logs.
        return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + ", maxToolIterations=" + maxToolIterations + "]";
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /**
     * Builds {@link OpenAiSettings}. Defaults: base URL from {@code OPENAI_BASE_URL} else OpenAI's, model
     * {@value #DEFAULT_MODEL}, 30 s timeout, 2 retries, the server's temperature, 250 tokens for SMS and
     * WhatsApp, 400 for voice, 800 elsewhere, {@link #DEFAULT_PERSONA}, 5 tool rounds.
     */
    public static final class Builder {
        private @Nullable String apiKey;
        private String baseUrl;
        private String model = DEFAULT_MODEL;
        private Duration timeout = Duration.ofSeconds(30);
        private int maxRetries = 2;
        private @Nullable Double temperature;
        private final Map<ChannelId, Integer> maxTokensByChannel = new LinkedHashMap<>(Map.of(
                ChannelId.SMS, 250, ChannelId.WHATSAPP, 250, ChannelId.VOICE, 400));
        private int defaultMaxTokens = 800;
        private String persona = DEFAULT_PERSONA;
        private int maxToolIterations = 5;
        private String fallbackReply = "Thanks for your message! A member of our team will get back to you shortly.";

        private Builder(Map<String, String> environment) {
            String fromEnvironment = environment.get(BASE_URL_VARIABLE);
            this.baseUrl = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_BASE_URL : fromEnvironment.strip();
        }

        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        public Builder model(String value) {
            this.model = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder maxRetries(int value) {
            this.maxRetries = value;
            return this;
        }

        public Builder temperature(@Nullable Double value) {
            this.temperature = value;
            return this;
        }

        /** Most completion tokens for replies on {@code channel}. */
        public Builder maxTokens(ChannelId channel, int tokens) {
            maxTokensByChannel.put(Objects.requireNonNull(channel, "channel"), tokens);
            return this;
        }

        public Builder defaultMaxTokens(int value) {
            this.defaultMaxTokens = value;
            return this;
        }

        public Builder persona(String value) {
            this.persona = value;
            return this;
        }

        public Builder maxToolIterations(int value) {
            this.maxToolIterations = value;
            return this;
        }

        public Builder fallbackReply(String value) {
            this.fallbackReply = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting at fault */
        public OpenAiSettings build() {
            if (apiKey == null) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            return new OpenAiSettings(apiKey, baseUrl, model, timeout, maxRetries, temperature, maxTokensByChannel,
                    defaultMaxTokens, persona, maxToolIterations, fallbackReply);
        }
    }
}
