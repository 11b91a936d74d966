package dev.threadline.messaging.spring;

import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.openai.OpenAiResponder;
import dev.threadline.messaging.openai.OpenAiSatisfactionScorer;
import dev.threadline.messaging.openai.OpenAiSettings;
import dev.threadline.messaging.openai.OpenAiSummarizer;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.ConversationSummarizer;
import dev.threadline.messaging.spi.SatisfactionScorer;
import dev.threadline.messaging.spring.internal.ResponderDecorator;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * AI replies, satisfaction scoring and summaries through an OpenAI-compatible endpoint when messaging-openai
 * is on the classpath and an API key is configured ({@code messaging.openai.api-key}, else the
 * {@code OPENAI_API_KEY} environment variable). Each bean backs off when the host defines its own responder,
 * scorer or summarizer.
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class)
@ConditionalOnClass(OpenAiResponder.class)
@Conditional(MessagingOpenAiAutoConfiguration.OnApiKey.class)
public class MessagingOpenAiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAiSettings openAiSettings(MessagingProperties properties, Environment environment) {
        MessagingProperties.OpenAi openai = properties.openai();
        OpenAiSettings.Builder builder = OpenAiSettings.builder()
                .apiKey(apiKey(openai, environment))
                .timeout(openai.timeout())
                .maxRetries(openai.maxRetries())
                .temperature(openai.temperature());
        String baseUrl = firstText(openai.baseUrl(), environment.getProperty(OpenAiSettings.BASE_URL_VARIABLE));
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        if (openai.model() != null) {
            builder.model(openai.model());
        }
        if (openai.persona() != null) {
            builder.persona(openai.persona());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean(AiResponder.class)
    OpenAiResponder openAiResponder(OpenAiSettings settings, Clock clock) {
        return new OpenAiResponder(settings, clock);
    }

    /** While the provider is unavailable, customers still get an answer from the host's knowledge base. */
    @Bean
    @ConditionalOnBean(KnowledgeBase.class)
    @ConditionalOnBooleanProperty(name = "messaging.openai.offline-fallback", matchIfMissing = true)
    @Order(ResponderDecorator.FALLBACK_ORDER)
    ResponderDecorator messagingOfflineFallback(KnowledgeBase knowledgeBase) {
        KnowledgeBaseResponder offline = new KnowledgeBaseResponder(knowledgeBase);
        return responder -> responder instanceof KnowledgeBaseResponder ? responder : responder.withFallback(offline);
    }

    @Bean
    @ConditionalOnMissingBean(SatisfactionScorer.class)
    OpenAiSatisfactionScorer openAiSatisfactionScorer(OpenAiSettings settings, Clock clock) {
        return new OpenAiSatisfactionScorer(settings, clock);
    }

    @Bean
    @ConditionalOnMissingBean(ConversationSummarizer.class)
    OpenAiSummarizer openAiSummarizer(OpenAiSettings settings, Clock clock) {
        return new OpenAiSummarizer(settings, clock);
    }

    private static String apiKey(MessagingProperties.OpenAi openai, Environment environment) {
        String key = firstText(openai.apiKey(), environment.getProperty(OpenAiSettings.API_KEY_VARIABLE));
        if (key == null) {
            throw new IllegalStateException("no OpenAI API key configured");
        }
        return key;
    }

    private static @Nullable String firstText(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return null;
    }

    /** Matches when {@code messaging.openai.api-key} or {@code OPENAI_API_KEY} has a value. */
    static final class OnApiKey extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            String key = firstText(environment.getProperty("messaging.openai.api-key"),
                    environment.getProperty(OpenAiSettings.API_KEY_VARIABLE));
            return key != null
                    ? ConditionOutcome.match("an OpenAI API key is configured")
                    : ConditionOutcome.noMatch("neither messaging.openai.api-key nor OPENAI_API_KEY is set");
        }
    }
}
