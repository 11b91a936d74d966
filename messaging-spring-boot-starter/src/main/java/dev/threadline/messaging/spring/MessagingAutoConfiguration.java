package dev.threadline.messaging.spring;

import dev.threadline.messaging.AiLoopGuard;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessageManagerBuilder;
import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.memory.InMemoryIntakeStore;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.ConversationSummarizer;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.SatisfactionScorer;
import dev.threadline.messaging.spring.internal.AiModes;
import dev.threadline.messaging.spring.internal.ChannelSelection;
import dev.threadline.messaging.spring.internal.ConfiguredInboxes;
import dev.threadline.messaging.spring.internal.ResponderDecorator;
import dev.threadline.messaging.spring.internal.DeliveryLifecycle;
import dev.threadline.messaging.spring.internal.StartupReport;
import dev.threadline.messaging.support.InProcessEventBus;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The {@link MessageManager} and its collaborators. Every bean backs off when the host defines its own;
 * host {@link Channel}, {@link AiTool}, {@link AiResponder}, {@link SatisfactionScorer} and
 * {@link ConversationSummarizer} beans are picked up. Without provider channels, simulators serve
 * {@code sms} and {@code email} and report {@code delivered} shortly after each send.
 */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final String JPA_STORE = "dev.threadline.messaging.jpa.JpaConversationStore";

    @Bean
    @ConditionalOnMissingBean
    Clock messagingClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator messagingIdGenerator(Clock clock) {
        return new TimeOrderedIdGenerator(clock);
    }

    /**
     * The in-memory store, when the host has no store of its own. With messaging-jpa on the classpath that is a
     * mistake (it is there to keep conversations), unless {@code messaging.jpa.enabled=false} says it is meant.
     */
    @Bean
    @ConditionalOnMissingBean(ConversationStore.class)
    InMemoryConversationStore messagingConversationStore(IdGenerator ids, Clock clock, MessagingProperties properties) {
        if (properties.jpa().enabled() && ClassUtils.isPresent(JPA_STORE, getClass().getClassLoader())) {
            throw new IllegalStateException("messaging-jpa is on the classpath but the app has no DataSource, so "
                    + "conversations would be kept in memory and lost on restart. Add spring-boot-starter-jdbc and your "
                    + "database's JDBC driver with spring.datasource.url, or set messaging.jpa.enabled=false to keep "
                    + "conversations in memory on purpose.");
        }
        return new InMemoryConversationStore(ids, clock);
    }

    /** Webhook requests kept in memory: only when the store is not a database either (see MessagingJpaAutoConfiguration). */
    @Bean
    @ConditionalOnMissingBean(IntakeStore.class)
    InMemoryIntakeStore messagingIntakeStore() {
        return new InMemoryIntakeStore();
    }

    @Bean
    @ConditionalOnMissingBean
    MessagingEventBus messagingEventBus() {
        return new InProcessEventBus();
    }

    /** Each tenant answered from its own knowledge base bean, others from the one without a tenant. */
    @Bean
    @ConditionalOnBean(KnowledgeBase.class)
    @ConditionalOnMissingBean(AiResponder.class)
    KnowledgeBaseResponder messagingKnowledgeBaseResponder(List<KnowledgeBase> knowledgeBases) {
        return new KnowledgeBaseResponder(knowledgeBases);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "messaging.simulator.enabled", matchIfMissing = true)
    SimulatorChannel messagingSmsSimulator() {
        return new SimulatorChannel(ChannelId.SMS);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "messaging.simulator.enabled", matchIfMissing = true)
    SimulatorChannel messagingEmailSimulator() {
        return new SimulatorChannel(ChannelId.EMAIL);
    }

    /**
     * The manager. Simulators are registered first, so any other channel bean with the same id replaces
     * them; those that stay report deliveries after {@code messaging.simulator.delivery-delay}.
     */
    @Bean
    @ConditionalOnMissingBean
    MessageManager messageManager(MessagingProperties properties, ConversationStore store, ObjectProvider<OutboxStore> outbox,
                                  ObjectProvider<Channel> channels, ObjectProvider<AiResponder> responder,
                                  ObjectProvider<AiTool> tools, ObjectProvider<SatisfactionScorer> scorer,
                                  ObjectProvider<ConversationSummarizer> summarizer, MessagingEventBus events,
                                  Clock clock, IdGenerator ids, ObjectProvider<MessageManagerBuilderCustomizer> customizers,
                                  ObjectProvider<ResponderDecorator> decorators) {
        MessageManagerBuilder builder = MessageManager.builder()
                .store(store)
                .eventBus(events)
                .clock(clock)
                .idGenerator(ids)
                .responder(decorated(responder.getIfUnique(), decorators))
                .tools(tools.orderedStream().toList())
                .aiModes(new AiModes(properties))
                .defaultRegion(properties.defaultRegion())
                .deliveryLease(properties.delivery().lease())
                .inDoubtGrace(properties.delivery().inDoubtGrace())
                .pollInterval(properties.delivery().pollInterval())
                .batchSize(properties.delivery().batchSize())
                .consentPolicy(properties.consent().policy())
                .aiLoopGuard(new AiLoopGuard(properties.aiLoopGuard().maxReplies(), properties.aiLoopGuard().window()));
        outbox.ifUnique(builder::outbox);
        scorer.ifUnique(builder::scorer);
        summarizer.ifUnique(builder::summarizer);
        Map<ChannelId, Channel> byId = ChannelSelection.byId(channels.orderedStream());
        builder.channels(List.copyOf(byId.values()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        MessageManager manager = builder.build();
        byId.values().stream()
                .filter(SimulatorChannel.class::isInstance)
                .map(SimulatorChannel.class::cast)
                .forEach(simulator -> simulator.reportDeliveries(manager, properties.simulator().deliveryDelay(), clock));
        return manager;
    }

    private static @Nullable AiResponder decorated(@Nullable AiResponder responder, ObjectProvider<ResponderDecorator> decorators) {
        AiResponder result = responder;
        if (result != null) {
            for (ResponderDecorator decorator : decorators.orderedStream().toList()) {
                result = decorator.decorate(result);
            }
        }
        return result;
    }

    @Bean
    ConfiguredInboxes messagingConfiguredInboxes(MessageManager manager, MessagingProperties properties) {
        return new ConfiguredInboxes(manager, properties);
    }

    @Bean
    StartupReport messagingStartupReport(ConversationStore store, MessageManager manager, ObjectProvider<Channel> channels,
                                         ObjectProvider<AiResponder> responder, MessagingProperties properties) {
        List<Channel> sending = ChannelSelection.byId(channels.orderedStream()).values().stream()
                .filter(channel -> manager.sendingChannels().contains(channel.id())).toList();
        return new StartupReport(store.getClass().getSimpleName(), sending, responder.getIfUnique(), properties);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "messaging.delivery.enabled", matchIfMissing = true)
    DeliveryLifecycle messagingDeliveryLifecycle(MessageManager manager, MessagingProperties properties) {
        return new DeliveryLifecycle(manager, properties.delivery().workers());
    }
}
