package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class H2SchemaPlacementTest {

    @Test
    void tablesGoIntoTheSchemaTheConnectionsUse() throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:placement-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;INIT=CREATE SCHEMA IF NOT EXISTS THREADLINE\\;SET SCHEMA THREADLINE");
        try (JpaConversationStore store = JpaConversationStore.builder().dataSource(dataSource).build();
             Connection connection = dataSource.getConnection()) {
            store.upsertContact("acme", "+15551234567", null, "Ana");
            try (ResultSet tables = connection.getMetaData().getTables(null, "THREADLINE", "CONTACTS", null)) {
                assertThat(tables.next()).isTrue();
            }
            connection.createStatement().execute("SHUTDOWN");
        }
    }
}
