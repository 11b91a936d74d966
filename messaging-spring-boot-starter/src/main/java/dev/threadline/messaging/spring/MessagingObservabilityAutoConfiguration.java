package dev.threadline.messaging.spring;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spring.internal.ChannelSelection;
import dev.threadline.messaging.spring.internal.MessagingHealthIndicator;
import dev.threadline.messaging.spring.internal.MessagingMetrics;
import dev.threadline.messaging.spring.internal.ResponderDecorator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Micrometer meters when the host has a {@link MeterRegistry}, and the {@code messaging} health indicator
 * when it uses Spring Boot's health support ({@code management.health.messaging.enabled=false} turns it off).
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
public class MessagingObservabilityAutoConfiguration {

    /** Meters, when Micrometer is present and the host has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean(name = "messagingAiTiming")
        @Order(ResponderDecorator.METRICS_ORDER)
        ResponderDecorator messagingAiTiming(MeterRegistry registry) {
            return MessagingMetrics.aiTiming(registry);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(MessageManager.class)
        MessagingMetrics messagingMetrics(MeterRegistry registry, MessageManager manager, OutboxStore outbox) {
            return new MessagingMetrics(registry, manager, outbox);
        }
    }

    /** The health indicator, when Spring Boot's health support is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("messaging")
    @ConditionalOnBean(MessageManager.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "messagingHealthIndicator")
        MessagingHealthIndicator messagingHealthIndicator(MessageManager manager, ConversationStore store,
                                                          ObjectProvider<Channel> channels, ObjectProvider<AiResponder> responder) {
            return new MessagingHealthIndicator(manager, store.getClass().getSimpleName(), ChannelSelection.byId(channels.orderedStream()),
                    responder.getIfUnique());
        }
    }
}
