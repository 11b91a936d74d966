package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class JpaConversationStoreBuilderTest {

    @Test
    void aDataSourceIsRequired() {
        assertThatThrownBy(() -> JpaConversationStore.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dataSource");
    }

    @Test
    void anUnreachableDatabaseIsReportedAtBuild() {
        JdbcDataSource broken = new JdbcDataSource();
        broken.setURL("jdbc:h2:mem:x;IFEXISTS=TRUE");
        assertThatThrownBy(() -> JpaConversationStore.builder().dataSource(broken).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot connect");
    }
}
