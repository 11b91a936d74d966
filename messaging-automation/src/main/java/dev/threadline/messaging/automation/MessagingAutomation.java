package dev.threadline.messaging.automation;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.analytics.Analytics;
import dev.threadline.messaging.automation.campaign.CampaignSettings;
import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.Campaigns;
import dev.threadline.messaging.automation.campaign.ContactProfileStore;
import dev.threadline.messaging.automation.campaign.ContactProfiles;
import dev.threadline.messaging.automation.campaign.InMemoryCampaignStore;
import dev.threadline.messaging.automation.campaign.InMemoryContactProfileStore;
import dev.threadline.messaging.automation.campaign.InMemorySendSlots;
import dev.threadline.messaging.automation.campaign.SendSlots;
import dev.threadline.messaging.automation.notify.InMemoryStaffDirectory;
import dev.threadline.messaging.automation.notify.KeywordUrgencyClassifier;
import dev.threadline.messaging.automation.notify.MessagingStaffNotifier;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.notify.StaffNotifications;
import dev.threadline.messaging.automation.notify.StaffNotifier;
import dev.threadline.messaging.automation.notify.UrgencyClassifier;
import dev.threadline.messaging.automation.schedule.Reminders;
import dev.threadline.messaging.automation.template.InMemoryTemplateStore;
import dev.threadline.messaging.automation.template.TemplateStore;
import dev.threadline.messaging.automation.template.Templates;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.MessagingEventBus;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Automation on top of a {@link MessageManager}: templates and canned replies, scheduled reminders,
 * campaigns, staff notifications with a digest, and analytics. Build one per manager with
 * {@link #builder(MessageManager)}; it subscribes to the manager's events until
 * {@link #close()}.
 *
 * <pre>{@code
 * MessagingAutomation automation = MessagingAutomation.builder(manager)
 *         .clock(clock)
 *         .staffNotifier(new MessagingStaffNotifier(manager, null))
 *         .build();
 * automation.templates().save(MessageTemplate.builder("glow-spa", "reminder").sms("Hi {{customer.name}}!").build());
 * }</pre>
 */
public final class MessagingAutomation implements AutoCloseable {

    private final Templates templates;
    private final Reminders reminders;
    private final Campaigns campaigns;
    private final StaffNotifications notifications;
    private final Analytics analytics;
    private final StaffDirectory staff;
    private final ContactProfiles profiles;
    private final List<MessagingEventBus.Subscription> subscriptions;

    private MessagingAutomation(Builder b, MessageManager manager, StaffNotifier notifier) {
        this.templates = new Templates(b.templateStore, manager);
        this.reminders = new Reminders(manager, templates, b.clock);
        this.campaigns = new Campaigns(manager, templates, b.campaignStore, b.contactProfiles, b.sendSlots, b.campaignSettings, b.clock,
                b.ids != null ? b.ids : new TimeOrderedIdGenerator(b.clock));
        KeywordUrgencyClassifier keywords = b.keywords;
        this.notifications = new StaffNotifications(manager, b.staffDirectory, notifier,
                b.urgencyClassifier != null ? b.urgencyClassifier : keywords, keywords, b.clock);
        this.analytics = new Analytics(manager);
        this.staff = b.staffDirectory;
        this.profiles = new ContactProfiles(b.contactProfiles, manager);
        // Two subscriptions, so a failure in one follower never keeps an event from the other.
        this.subscriptions = List.of(manager.subscribe(campaigns::onEvent), manager.subscribe(notifications::onEvent));
    }

    public static Builder builder(MessageManager manager) {
        return new Builder(manager);
    }

    public Templates templates() {
        return templates;
    }

    public Reminders reminders() {
        return reminders;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public StaffNotifications notifications() {
        return notifications;
    }

    public Analytics analytics() {
        return analytics;
    }

    /** Staff members and their notification preferences. */
    public StaffDirectory staff() {
        return staff;
    }

    /** Contact tags and time zones used by campaign segments and quiet hours. */
    public ContactProfiles contactProfiles() {
        return profiles;
    }

    /** Stops following the manager's events. */
    @Override
    public void close() {
        subscriptions.forEach(MessagingEventBus.Subscription::close);
    }

    /** Builds {@link MessagingAutomation}; every store defaults to memory. */
    public static final class Builder {
        private final MessageManager manager;
        private Clock clock = Clock.systemUTC();
        private @Nullable IdGenerator ids;
        private TemplateStore templateStore = new InMemoryTemplateStore();
        private CampaignStore campaignStore = new InMemoryCampaignStore();
        private SendSlots sendSlots = new InMemorySendSlots();
        private ContactProfileStore contactProfiles = new InMemoryContactProfileStore();
        private StaffDirectory staffDirectory = new InMemoryStaffDirectory();
        private @Nullable StaffNotifier staffNotifier;
        private @Nullable UrgencyClassifier urgencyClassifier;
        private KeywordUrgencyClassifier keywords = new KeywordUrgencyClassifier();
        private CampaignSettings campaignSettings = CampaignSettings.DEFAULTS;

        private Builder(MessageManager manager) {
            this.manager = Objects.requireNonNull(manager, "manager");
        }

        /** The clock; use the manager's. Default system UTC. */
        public Builder clock(Clock value) { this.clock = Objects.requireNonNull(value, "clock"); return this; }
        /** Ids of campaigns. Default time-ordered UUIDs from the clock. */
        public Builder idGenerator(IdGenerator value) { this.ids = Objects.requireNonNull(value, "idGenerator"); return this; }
        public Builder templateStore(TemplateStore value) { this.templateStore = Objects.requireNonNull(value, "templateStore"); return this; }
        public Builder campaignStore(CampaignStore value) { this.campaignStore = Objects.requireNonNull(value, "campaignStore"); return this; }
        /** The campaigns' booked send times; share one store among instances for one rate limit. Default in memory. */
        public Builder sendSlots(SendSlots value) { this.sendSlots = Objects.requireNonNull(value, "sendSlots"); return this; }
        public Builder contactProfiles(ContactProfileStore value) { this.contactProfiles = Objects.requireNonNull(value, "contactProfiles"); return this; }
        public Builder staffDirectory(StaffDirectory value) { this.staffDirectory = Objects.requireNonNull(value, "staffDirectory"); return this; }
        /** How staff are told. Default: SMS or email through the manager ({@link MessagingStaffNotifier}). */
        public Builder staffNotifier(StaffNotifier value) { this.staffNotifier = Objects.requireNonNull(value, "staffNotifier"); return this; }
        /** Decides urgency (e.g. an AI classifier); the keywords remain its fallback. Default: the keywords. */
        public Builder urgencyClassifier(UrgencyClassifier value) { this.urgencyClassifier = Objects.requireNonNull(value, "urgencyClassifier"); return this; }
        /** The urgent keywords. Default {@link KeywordUrgencyClassifier#DEFAULT_KEYWORDS}. */
        public Builder urgentKeywords(KeywordUrgencyClassifier value) { this.keywords = Objects.requireNonNull(value, "urgentKeywords"); return this; }
        /** Rate limit, quiet hours and phone region of campaigns. Default {@link CampaignSettings#DEFAULTS}. */
        public Builder campaignSettings(CampaignSettings value) { this.campaignSettings = Objects.requireNonNull(value, "campaignSettings"); return this; }

        public MessagingAutomation build() {
            StaffNotifier notifier = staffNotifier != null ? staffNotifier : new MessagingStaffNotifier(manager, null);
            return new MessagingAutomation(this, manager, notifier);
        }
    }
}
