package dev.threadline.messaging.jpa.internal;

import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/** Bootstraps Hibernate over the host's DataSource, in code: no persistence.xml, no schema generation. */
public final class SessionFactories {

    private static final List<Class<?>> ENTITIES = List.of(ContactEntity.class, ConversationEntity.class, MessageEntity.class,
            EventEntity.class, OutboxEntity.class, ProcessedKeyEntity.class);

    private SessionFactories() {
    }

    public static SessionFactory create(DataSource dataSource) {
        return new HibernatePersistenceConfiguration("threadline")
                .managedClasses(ENTITIES)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                // The schema is Flyway's; Hibernate must neither create nor validate it.
                .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none")
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .property(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                // An "in" list padded to a power of two shares its translation with lists of nearby sizes.
                .property(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, true)
                .createEntityManagerFactory();
    }
}
