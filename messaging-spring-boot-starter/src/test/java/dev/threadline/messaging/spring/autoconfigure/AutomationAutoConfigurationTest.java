package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.campaign.CampaignSettings;
import dev.threadline.messaging.automation.notify.Digest;
import dev.threadline.messaging.automation.notify.NewMessageAlert;
import dev.threadline.messaging.automation.notify.NotificationLevel;
import dev.threadline.messaging.automation.notify.StaffMember;
import dev.threadline.messaging.automation.notify.StaffNotification;
import dev.threadline.messaging.automation.notify.StaffNotifier;
import dev.threadline.messaging.automation.template.InMemoryTemplateStore;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.TemplateStore;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.spring.MessagingAutomationAutoConfiguration;
import dev.threadline.messaging.spring.MessagingJpaAutoConfiguration;
import dev.threadline.messaging.spring.MessagingOpenAiAutoConfiguration;
import dev.threadline.messaging.spring.MessagingSendGridAutoConfiguration;
import dev.threadline.messaging.spring.MessagingTwilioAutoConfiguration;
import dev.threadline.messaging.spring.MessagingWebAutoConfiguration;
import dev.threadline.messaging.spring.internal.DigestScheduler;
import dev.threadline.messaging.spring.internal.web.automation.AnalyticsController;
import dev.threadline.messaging.spring.internal.web.automation.CampaignController;
import dev.threadline.messaging.spring.internal.web.automation.ScheduledMessageController;
import dev.threadline.messaging.spring.internal.web.automation.StaffController;
import dev.threadline.messaging.spring.internal.web.automation.TemplateController;
import dev.threadline.messaging.support.InProcessEventBus;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The automation beans and routes exist only with messaging-automation on the classpath, and follow the properties. */
class AutomationAutoConfigurationTest {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(MessagingJpaAutoConfiguration.class,
            MessagingTwilioAutoConfiguration.class, MessagingSendGridAutoConfiguration.class, MessagingOpenAiAutoConfiguration.class,
            MessagingAutoConfiguration.class, MessagingAutomationAutoConfiguration.class, MessagingWebAutoConfiguration.class);
    /** The module's classes hidden, as in an app that does not depend on messaging-automation. */
    private static final FilteredClassLoader WITHOUT_MODULE = new FilteredClassLoader("dev.threadline.messaging.automation.");
    /** The controllers of the automation routes. */
    private static final List<Class<?>> AUTOMATION_CONTROLLERS = List.of(TemplateController.class, ScheduledMessageController.class,
            CampaignController.class, StaffController.class, AnalyticsController.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS)
            .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false", "messaging.security.api-keys.key-acme=acme");

    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
            .withConfiguration(CONFIGURATIONS)
            .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false");

    @Test
    void withTheModuleTheAutomationAndItsDigestSchedulerExist() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(MessagingAutomation.class);
            assertThat(context).hasSingleBean(DigestScheduler.class);
        });
    }

    @Test
    void withoutTheModuleThereAreNoAutomationBeans() {
        runner.withClassLoader(WITHOUT_MODULE).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(MessageManager.class);
            assertThat(context).doesNotHaveBean("messagingAutomation");
            assertThat(context).doesNotHaveBean("messagingTemplateStore");
            assertThat(context).doesNotHaveBean(DigestScheduler.class);
        });
    }

    @Test
    void withTheModuleTheWebAppServesTheAutomationRoutes() {
        webRunner.run(context -> AUTOMATION_CONTROLLERS.forEach(controller -> assertThat(context).hasSingleBean(controller)));
    }

    @Test
    void withoutTheModuleTheWebAppServesOnlyTheAdminRoutes() {
        webRunner.withClassLoader(WITHOUT_MODULE).run(context -> {
            assertThat(context).hasNotFailed();
            AUTOMATION_CONTROLLERS.forEach(controller -> assertThat(context).doesNotHaveBean(controller));
        });
    }

    @Test
    void campaignPropertiesBindIntoTheSettings() {
        runner.withPropertyValues("messaging.automation.campaigns.messages-per-minute=30",
                        "messaging.automation.campaigns.messages-per-minute-by-tenant.acme=5",
                        "messaging.automation.campaigns.quiet-hours.allowed-from=09:30",
                        "messaging.automation.campaigns.quiet-hours.allowed-until=20:00")
                .run(context -> {
                    CampaignSettings settings = context.getBean(CampaignSettings.class);
                    assertThat(settings.messagesPerMinute("globex")).isEqualTo(30);
                    assertThat(settings.messagesPerMinute("acme")).isEqualTo(5);
                    assertThat(settings.quietHours().allowedFrom()).isEqualTo(LocalTime.of(9, 30));
                    assertThat(settings.quietHours().allowedUntil()).isEqualTo(LocalTime.of(20, 0));
                });
    }

    @Test
    void withoutPropertiesTheCampaignSettingsAreTheModuleDefaults() {
        runner.run(context -> assertThat(context.getBean(CampaignSettings.class)).isEqualTo(CampaignSettings.DEFAULTS));
    }

    @Test
    void aHostTemplateStoreIsUsed() {
        InMemoryTemplateStore hostStore = new InMemoryTemplateStore();
        runner.withBean("hostTemplates", TemplateStore.class, () -> hostStore).run(context -> {
            context.getBean(MessagingAutomation.class).templates().save(MessageTemplate.builder("acme", "hello").sms("Hi!").build());

            assertThat(hostStore.find("acme", "hello")).isPresent();
        });
    }

    @Test
    void urgentKeywordsPropertyReplacesTheDefaults() {
        RecordingNotifier notifier = new RecordingNotifier();
        runner.withPropertyValues("messaging.automation.urgent-keywords=burst,flood")
                .withBean(StaffNotifier.class, () -> notifier)
                .run(context -> {
                    context.getBean(MessagingAutomation.class).staff().save(urgentOnly("acme"));
                    MessageManager manager = context.getBean(MessageManager.class);

                    receive(manager, "+14155550101", "The pipe in the treatment room burst");
                    receive(manager, "+14155550102", "This is an emergency");

                    assertThat(notifier.told).singleElement()
                            .satisfies(told -> assertThat(((NewMessageAlert) told.notification()).preview()).contains("burst"));
                });
    }

    @Test
    void theDigestSchedulerSendsEachConfiguredTenantsDigest() {
        RecordingNotifier notifier = new RecordingNotifier();
        runner.withPropertyValues("messaging.automation.digest.unanswered-for=0s")
                .withBean(StaffNotifier.class, () -> notifier)
                .run(context -> {
                    MessagingAutomation automation = context.getBean(MessagingAutomation.class);
                    automation.staff().save(new StaffMember("acme", "dana", "Dana", null, null, NotificationLevel.NONE, null));
                    automation.staff().save(new StaffMember("acme", "lee", "Lee", null, null, NotificationLevel.ALL, null));
                    receive(context.getBean(MessageManager.class), "+14155550103", "Is anyone there?");
                    notifier.told.clear();

                    context.getBean(DigestScheduler.class).sendDigests(Instant.parse("2026-11-23T14:00:00Z"));

                    assertThat(notifier.told).singleElement().satisfies(told -> {
                        assertThat(told.memberId()).isEqualTo("lee");
                        assertThat(told.notification()).isInstanceOfSatisfying(Digest.class,
                                digest -> assertThat(digest.tenantId()).isEqualTo("acme"));
                    });
                });
    }

    @Test
    void digestSchedulerCanBeSwitchedOff() {
        runner.withPropertyValues("messaging.automation.digest.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DigestScheduler.class));
    }

    @Test
    void theAutomationStopsFollowingEventsWhenTheContextCloses() {
        CountingEventBus bus = new CountingEventBus();
        runner.withBean(MessagingEventBus.class, () -> bus).run(context -> {
            context.getBean(MessagingAutomation.class);
            assertThat(bus.open.get()).isPositive();
        });

        assertThat(bus.open.get()).isZero();
    }

    private static StaffMember urgentOnly(String tenant) {
        return new StaffMember(tenant, "dana", "Dana", null, null, NotificationLevel.URGENT_ONLY, null);
    }

    private static void receive(MessageManager manager, String phone, String body) {
        manager.receive(InboundMessage.builder("acme", ChannelId.SMS).customerName("Ana").customerPhone(phone).body(body)
                .generateAiReply(false).build());
    }

    /** Records what staff were told, instead of texting them. */
    private static final class RecordingNotifier implements StaffNotifier {
        final List<Told> told = new CopyOnWriteArrayList<>();

        @Override
        public void notify(StaffMember member, StaffNotification notification) {
            told.add(new Told(member.id(), notification));
        }
    }

    private record Told(String memberId, StaffNotification notification) {
    }

    /** The in-process bus, counting subscriptions not yet closed. */
    private static final class CountingEventBus implements MessagingEventBus {
        final AtomicInteger open = new AtomicInteger();
        private final InProcessEventBus delegate = new InProcessEventBus();

        @Override
        public void publish(MessagingEvent event) {
            delegate.publish(event);
        }

        @Override
        public Subscription subscribe(Consumer<MessagingEvent> listener) {
            Subscription subscription = delegate.subscribe(listener);
            open.incrementAndGet();
            return () -> {
                subscription.close();
                open.decrementAndGet();
            };
        }
    }
}
