package dev.threadline.messaging.spring;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.campaign.CampaignSettings;
import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.ContactProfileStore;
import dev.threadline.messaging.automation.campaign.InMemoryCampaignStore;
import dev.threadline.messaging.automation.campaign.InMemoryContactProfileStore;
import dev.threadline.messaging.automation.campaign.InMemorySendSlots;
import dev.threadline.messaging.automation.campaign.QuietHours;
import dev.threadline.messaging.automation.campaign.SendSlots;
import dev.threadline.messaging.automation.cluster.InMemoryRunClaims;
import dev.threadline.messaging.automation.cluster.RunClaims;
import dev.threadline.messaging.automation.notify.DigestSchedule;
import dev.threadline.messaging.automation.notify.InMemoryStaffDirectory;
import dev.threadline.messaging.automation.notify.KeywordUrgencyClassifier;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.notify.StaffNotifier;
import dev.threadline.messaging.automation.notify.UrgencyClassifier;
import dev.threadline.messaging.automation.template.InMemoryTemplateStore;
import dev.threadline.messaging.automation.template.TemplateStore;
import dev.threadline.messaging.jpa.JpaConversationStore;
import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spring.internal.CampaignResumer;
import dev.threadline.messaging.spring.internal.DigestScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link MessagingAutomation} (templates, reminders, campaigns, staff notifications, analytics) on the
 * starter's {@link MessageManager} when messaging-automation is on the
 * classpath. Its stores live in the conversation store's database when that is the JPA store (H2 or PostgreSQL,
 * {@link JpaAutomationStores}), so templates, campaigns, contact profiles and staff survive restarts and are shared
 * by every instance; otherwise in memory. Every bean backs off when the host defines its own, and a host
 * {@link StaffNotifier} or {@link UrgencyClassifier} bean is picked up. The daily staff digest goes out to
 * every configured tenant (API keys, {@code messaging.tenants}, the default tenant).
 */
@AutoConfiguration(after = {MessagingJpaAutoConfiguration.class, MessagingAutoConfiguration.class})
@ConditionalOnClass(MessagingAutomation.class)
@ConditionalOnBean(MessageManager.class)
@EnableConfigurationProperties(MessagingAutomationProperties.class)
public class MessagingAutomationAutoConfiguration {

    /** The stores in the JPA store's database; registered before the in-memory defaults below, which then back off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JpaAutomationStores.class)
    @ConditionalOnBean(JpaConversationStore.class)
    static class DatabaseStores {

        @Bean
        @ConditionalOnMissingBean
        JpaAutomationStores messagingAutomationStores(DataSource dataSource) {
            return JpaAutomationStores.on(dataSource);
        }

        @Bean
        @ConditionalOnMissingBean
        TemplateStore messagingTemplateStore(JpaAutomationStores stores) {
            return stores.templates();
        }

        @Bean
        @ConditionalOnMissingBean
        CampaignStore messagingCampaignStore(JpaAutomationStores stores) {
            return stores.campaigns();
        }

        @Bean
        @ConditionalOnMissingBean
        SendSlots messagingSendSlots(JpaAutomationStores stores) {
            return stores.sendSlots();
        }

        @Bean
        @ConditionalOnMissingBean
        ContactProfileStore messagingContactProfileStore(JpaAutomationStores stores) {
            return stores.contactProfiles();
        }

        @Bean
        @ConditionalOnMissingBean
        StaffDirectory messagingStaffDirectory(JpaAutomationStores stores) {
            return stores.staff();
        }

        @Bean
        @ConditionalOnMissingBean
        RunClaims messagingRunClaims(JpaAutomationStores stores) {
            return stores.runClaims();
        }
    }

    @Bean
    @ConditionalOnMissingBean
    TemplateStore messagingTemplateStore() {
        return new InMemoryTemplateStore();
    }

    @Bean
    @ConditionalOnMissingBean
    CampaignStore messagingCampaignStore() {
        return new InMemoryCampaignStore();
    }

    /** In memory, the rate limit is per instance: right for one instance, not for several. */
    @Bean
    @ConditionalOnMissingBean
    SendSlots messagingSendSlots() {
        return new InMemorySendSlots();
    }

    @Bean
    @ConditionalOnMissingBean
    ContactProfileStore messagingContactProfileStore() {
        return new InMemoryContactProfileStore();
    }

    @Bean
    @ConditionalOnMissingBean
    StaffDirectory messagingStaffDirectory() {
        return new InMemoryStaffDirectory();
    }

    /** In memory, a run is claimed once per instance: right for one instance, not for several. */
    @Bean
    @ConditionalOnMissingBean
    RunClaims messagingRunClaims() {
        return new InMemoryRunClaims();
    }

    @Bean
    @ConditionalOnMissingBean
    CampaignSettings messagingCampaignSettings(MessagingAutomationProperties automation) {
        MessagingAutomationProperties.Campaigns campaigns = automation.campaigns();
        return new CampaignSettings(campaigns.messagesPerMinute(), campaigns.messagesPerMinuteByTenant(),
                new QuietHours(campaigns.quietHours().allowedFrom(), campaigns.quietHours().allowedUntil()));
    }

    /** Follows the manager's events from creation until the context closes. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MessagingAutomation messagingAutomation(MessageManager manager, Clock clock, IdGenerator ids,
                                            TemplateStore templates, CampaignStore campaigns, SendSlots sendSlots, ContactProfileStore profiles,
                                            StaffDirectory staff, CampaignSettings settings, MessagingAutomationProperties automation,
                                            ObjectProvider<StaffNotifier> notifier, ObjectProvider<UrgencyClassifier> classifier) {
        MessagingAutomation.Builder builder = MessagingAutomation.builder(manager)
                .clock(clock)
                .idGenerator(ids)
                .templateStore(templates)
                .campaignStore(campaigns)
                .sendSlots(sendSlots)
                .contactProfiles(profiles)
                .staffDirectory(staff)
                .campaignSettings(settings);
        if (automation.urgentKeywords() != null) {
            builder.urgentKeywords(new KeywordUrgencyClassifier(automation.urgentKeywords()));
        }
        notifier.ifUnique(builder::staffNotifier);
        classifier.ifUnique(builder::urgencyClassifier);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "messaging.automation.digest.enabled", matchIfMissing = true)
    DigestScheduler messagingDigestScheduler(MessagingAutomation automation, MessagingAutomationProperties properties,
                                             MessagingProperties messaging, RunClaims claims, Clock clock) {
        MessagingAutomationProperties.Digest digest = properties.digest();
        return new DigestScheduler(automation.notifications(), tenants(messaging),
                new DigestSchedule(digest.time(), digest.timeZone()), digest.unansweredFor(), claims, clock);
    }

    /** How often every instance looks for campaigns a stopped instance left running. */
    private static final Duration CAMPAIGN_RESUME_INTERVAL = Duration.ofMinutes(1);

    @Bean
    @ConditionalOnMissingBean
    CampaignResumer messagingCampaignResumer(MessagingAutomation automation) {
        return new CampaignResumer(automation.campaigns(), CAMPAIGN_RESUME_INTERVAL);
    }

    /** Every tenant the configuration names: those of the API keys, of {@code messaging.tenants}, and the default. */
    private static Set<String> tenants(MessagingProperties properties) {
        Set<String> tenants = new TreeSet<>(properties.security().apiKeys().values());
        tenants.addAll(properties.tenants().keySet());
        tenants.add(properties.defaultTenant());
        return tenants;
    }
}
