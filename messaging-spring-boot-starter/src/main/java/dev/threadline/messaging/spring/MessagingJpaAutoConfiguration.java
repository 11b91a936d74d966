package dev.threadline.messaging.spring;

import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.jpa.PostgresEventBus;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.support.InProcessEventBus;
import java.sql.Connection;
import java.sql.SQLException;
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
 * table, so a host's migrations in the same schema are not disturbed. On PostgreSQL, events cross app
 * instances over {@code LISTEN/NOTIFY} ({@link PostgresEventBus}), so every instance's SSE clients see
 * every change. {@code messaging.jpa.enabled=false} keeps the in-memory store.
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

    /** Webhook requests wait in the same database, so one acknowledged is as durable as a stored message. */
    @Bean
    @ConditionalOnBean(JpaConversationStore.class)
    @ConditionalOnMissingBean(IntakeStore.class)
    IntakeStore messagingIntakeStore(JpaConversationStore store) {
        return store.intakeStore();
    }

    /** LISTEN/NOTIFY on PostgreSQL; on any other database (H2: one process) events stay in process. */
    @Bean
    @ConditionalOnMissingBean
    MessagingEventBus messagingEventBus(DataSource dataSource, MessagingProperties properties) {
        return properties.jpa().listenNotify() && isPostgres(dataSource)
                ? PostgresEventBus.builder().dataSource(dataSource).build()
                : new InProcessEventBus();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("the DataSource cannot be reached", e);
        }
    }
}
