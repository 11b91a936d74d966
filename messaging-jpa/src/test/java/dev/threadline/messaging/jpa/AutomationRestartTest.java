package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignRecipient;
import dev.threadline.messaging.automation.campaign.CampaignStatus;
import dev.threadline.messaging.automation.campaign.ContactProfile;
import dev.threadline.messaging.automation.campaign.QuietHours;
import dev.threadline.messaging.automation.campaign.RecipientStatus;
import dev.threadline.messaging.automation.campaign.ZoneSource;
import dev.threadline.messaging.automation.notify.NotificationLevel;
import dev.threadline.messaging.automation.notify.StaffMember;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automation state outlives the process: written through one pool, read through a new one on the same database
 * after the first is closed, as after a restart.
 */
class AutomationRestartTest {

    private static final Instant T0 = Instant.parse("2026-11-21T15:00:00Z");

    private final MessageTemplate template = MessageTemplate.builder("spa", "reminder").sms("See you {{day}}.").build();
    private final Campaign campaign = new Campaign("cmp-1", "spa", "Spring", "reminder", ChannelId.SMS, true, Map.of("day", "Friday"),
            ZoneId.of("America/Chicago"), QuietHours.DEFAULT, null, CampaignStatus.PAUSED, T0, T0.plusSeconds(90));
    private final CampaignRecipient sent = new CampaignRecipient("cmp-1", "spa", "c-1", "Ana", "+15125550101",
            ZoneId.of("America/Chicago"), ZoneSource.PHONE_NUMBER, Map.of(), RecipientStatus.SENT, null, "msg-1", "conv-1", T0.plusSeconds(10), null, T0);
    private final CampaignRecipient waiting = new CampaignRecipient("cmp-1", "spa", "c-2", "Ben", "+15125550102",
            ZoneId.of("America/Chicago"), ZoneSource.PROFILE, Map.of(), RecipientStatus.PENDING, null, null, null, null, null, T0);
    private final ContactProfile profile = new ContactProfile("spa", "c-1", Set.of("vip"), ZoneId.of("America/Denver"));
    private final StaffMember owner = new StaffMember("spa", "owner", "Olivia", "olivia@glow.example", null,
            NotificationLevel.URGENT_ONLY, ChannelId.EMAIL);

    @Test
    void anH2FileDatabaseKeepsEveryAutomationStore(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("threadline").toAbsolutePath();
        writeThenReadAfterRestart(() -> h2Pool(url));
    }

    @Test
    @RequiresPostgres
    void postgresKeepsEveryAutomationStore() {
        try (TestDatabase database = TestDatabase.postgres()) {
            writeThenReadAfterRestart(database::anotherPool);
        }
    }

    private void writeThenReadAfterRestart(Supplier<HikariDataSource> pools) {
        try (HikariDataSource before = pools.get()) {
            JpaAutomationStores stores = JpaAutomationStores.on(before);
            stores.templates().save(template);
            stores.campaigns().saveCampaign(campaign);
            stores.campaigns().saveRecipient(sent);
            stores.campaigns().saveRecipient(waiting);
            stores.campaigns().linkConversation("spa", "conv-1", "cmp-1");
            stores.contactProfiles().save(profile);
            stores.staff().save(owner);
        }

        try (HikariDataSource after = pools.get()) {
            JpaAutomationStores stores = JpaAutomationStores.on(after);
            assertThat(stores.templates().list("spa")).containsExactly(template);
            assertThat(stores.campaigns().findCampaign("spa", "cmp-1")).contains(campaign);
            assertThat(stores.campaigns().recipients("spa", "cmp-1")).containsExactly(sent, waiting);
            assertThat(stores.campaigns().campaignOfConversation("spa", "conv-1")).contains("cmp-1");
            assertThat(stores.contactProfiles().withTags("spa", Set.of("vip"))).containsExactly(profile);
            assertThat(stores.staff().list("spa")).containsExactly(owner);
        }
    }

    private static HikariDataSource h2Pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
