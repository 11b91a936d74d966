package dev.threadline.messaging.spring;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.ai.ThreadlineChatMemoryRepository;
import org.springframework.ai.chat.memory.ChatMemoryRepository;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * For hosts on Spring AI: Threadline's conversation store as the {@link ChatMemoryRepository}, so a
 * {@code ChatMemory} keeps durable, append-only history ({@link ThreadlineChatMemoryRepository}).
 * {@code messaging.spring-ai.chat-memory=false} leaves Spring AI's own repository in place.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
        beforeName = "org.springframework.ai.model.chat.memory.autoconfigure.ChatMemoryAutoConfiguration")
@ConditionalOnClass(ChatMemoryRepository.class)
@ConditionalOnBean(MessageManager.class)
@ConditionalOnBooleanProperty(name = "messaging.spring-ai.chat-memory", matchIfMissing = true)
public class MessagingSpringAiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ChatMemoryRepository.class)
    ThreadlineChatMemoryRepository threadlineChatMemoryRepository(MessageManager manager, MessagingProperties properties) {
        MessagingProperties.SpringAi springAi = properties.springAi();
        String tenant = springAi.tenant() != null && !springAi.tenant().isBlank() ? springAi.tenant() : properties.defaultTenant();
        return new ThreadlineChatMemoryRepository(manager, tenant, springAi.memoryWindow());
    }
}
