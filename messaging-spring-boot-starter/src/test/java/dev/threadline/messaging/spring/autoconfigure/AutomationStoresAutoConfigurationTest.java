package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignRecipient;
import dev.threadline.messaging.automation.campaign.CampaignRequest;
import dev.threadline.messaging.automation.campaign.CampaignStatus;
import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.Campaigns;
import dev.threadline.messaging.automation.campaign.RecipientSpec;
import dev.threadline.messaging.automation.campaign.RecipientStatus;
import dev.threadline.messaging.automation.notify.NotificationLevel;
import dev.threadline.messaging.automation.notify.StaffMember;
import dev.threadline.messaging.automation.notify.StaffNotification;
import dev.threadline.messaging.automation.notify.StaffNotifier;
import dev.threadline.messaging.automation.template.InMemoryTemplateStore;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.TemplateStore;
import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.spring.MessagingAutomationAutoConfiguration;
import dev.threadline.messaging.spring.MessagingJpaAutoConfiguration;
import dev.threadline.messaging.spring.internal.DigestScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void twoInstancesOnOneDatabaseSendEachDigestOnce(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        Instant nineAm = Instant.parse("2026-11-23T14:00:00Z");
        List<StaffNotification> told = new CopyOnWriteArrayList<>();
        ApplicationContextRunner instance = runner.withBean(DataSource.class, () -> h2(url))
                .withBean(StaffNotifier.class, () -> (member, notification) -> told.add(notification))
                .withPropertyValues("messaging.automation.digest.enabled=true", "messaging.automation.digest.unanswered-for=0s",
                        "messaging.default-tenant=acme");

        instance.run(first -> instance.run(second -> {
            first.getBean(MessagingAutomation.class).staff()
                    .save(new StaffMember("acme", "lee", "Lee", "lee@acme.example", null, NotificationLevel.ALL, ChannelId.EMAIL));
            first.getBean(MessageManager.class).receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana")
                    .customerPhone("+14155550131").body("Is anyone there?").generateAiReply(false).build());
            told.clear();

            first.getBean(DigestScheduler.class).sendDigests(nineAm);
            second.getBean(DigestScheduler.class).sendDigests(nineAm);
            assertThat(told).as("digests of the 9:00 run from both instances").hasSize(1);

            second.getBean(DigestScheduler.class).sendDigests(nineAm.plus(Duration.ofDays(1)));
            assertThat(told).as("the next day's run is a run of its own").hasSize(2);
        }));
    }

    @Test
    void aCampaignLeftRunningByAStoppedInstanceIsCarriedOnWhenTheAppStarts(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("app").toAbsolutePath();
        String[] campaignId = new String[1];
        runner.withBean(DataSource.class, () -> h2(url)).run(context -> {
            MessagingAutomation automation = context.getBean(MessagingAutomation.class);
            automation.templates().save(MessageTemplate.builder("acme", "offer").sms("Hi {{customer.name}}, 20% off peels.").build());
            Campaign draft = automation.campaigns().create(CampaignRequest.builder("acme", "Peels", "offer", ChannelId.SMS).marketing(false)
                    .recipients(List.of(RecipientSpec.of("Ana", "+14155550141"), RecipientSpec.of("Bo", "+14155550142"))).build());
            // What an instance that died right after marking the campaign running leaves behind.
            context.getBean(CampaignStore.class).saveCampaign(draft.withStatus(CampaignStatus.RUNNING, draft.createdAt()));
            campaignId[0] = draft.id();
        });

        runner.withBean(DataSource.class, () -> h2(url)).run(context -> {
            Campaigns campaigns = context.getBean(MessagingAutomation.class).campaigns();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(campaigns.recipients("acme", campaignId[0], null))
                    .extracting(CampaignRecipient::status).containsOnly(RecipientStatus.SCHEDULED));
            assertThat(campaigns.recipients("acme", campaignId[0], null)).extracting(CampaignRecipient::messageId).doesNotContainNull();
        });
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
