package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.template.InMemoryTemplateStore;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.TemplateStore;
import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.spring.MessagingAutomationAutoConfiguration;
import dev.threadline.messaging.spring.MessagingJpaAutoConfiguration;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With the JPA store, the automation stores live in its database and outlive the application context. */
class AutomationStoresAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MessagingJpaAutoConfiguration.class, MessagingAutoConfiguration.class,
                    MessagingAutomationAutoConfiguration.class))
            .withPropertyValues("messaging.delivery.enabled=false", "messaging.automation.digest.enabled=false");

    @Test
    void withTheJpaStoreTemplatesSurviveARestartOnTheSameDatabase(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath();
        MessageTemplate template = MessageTemplate.builder("acme", "welcome").sms("Welcome, {{name}}!").build();

        runner.withBean(DataSource.class, () -> h2(url)).run(context -> {
            assertThat(context).hasSingleBean(JpaAutomationStores.class);
            context.getBean(MessagingAutomation.class).templates().save(template);
        });

        runner.withBean(DataSource.class, () -> h2(url)).run(context ->
                assertThat(context.getBean(TemplateStore.class).find("acme", "welcome")).contains(template));
    }

    @Test
    void withoutTheJpaStoreTheyStayInMemory() {
        runner.withPropertyValues("messaging.jpa.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(JpaAutomationStores.class);
            assertThat(context.getBean(TemplateStore.class)).isInstanceOf(InMemoryTemplateStore.class);
        });
    }

    private static DataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }
}
