package dev.threadline.messaging.spring;

import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The durable {@link JpaConversationStore} when messaging-jpa is on the classpath and the host has a
 * {@link DataSource} (H2 or PostgreSQL). The store migrates its own tables with its own Flyway history
 * table, so a host's migrations in the same schema are not disturbed. {@code messaging.jpa.enabled=false}
 * keeps the in-memory store.
 */
@AutoConfiguration(before = MessagingAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JpaConversationStore.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "messaging.jpa.enabled", matchIfMissing = true)
public class MessagingJpaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ConversationStore.class)
    JpaConversationStore messagingConversationStore(DataSource dataSource, IdGenerator ids, Clock clock) {
        return JpaConversationStore.builder().dataSource(dataSource).idGenerator(ids).clock(clock).build();
    }
}
