package dev.threadline.messaging.jpa.automation;

import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.ContactProfileStore;
import dev.threadline.messaging.automation.campaign.SendSlots;
import dev.threadline.messaging.automation.cluster.RunClaims;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.template.TemplateStore;
import dev.threadline.messaging.jpa.internal.DatabaseVendor;
import dev.threadline.messaging.jpa.internal.SchemaMigrations;
import javax.sql.DataSource;

/**
 * The automation module's stores in the conversation store's database, so templates, campaigns (with their
 * progress, recipients and pause state), contact profiles and staff survive restarts and are shared by every
 * app instance on that database; the campaigns' rate limit is one for all those instances ({@link #sendSlots()}), and
 * periodic jobs run once across them ({@link #runClaims()}):
 *
 * <pre>{@code
 * JpaAutomationStores stores = JpaAutomationStores.on(dataSource);
 * MessagingAutomation automation = MessagingAutomation.builder(manager)
 *         .templateStore(stores.templates())
 *         .campaignStore(stores.campaigns())
 *         .sendSlots(stores.sendSlots())
 *         .contactProfiles(stores.contactProfiles())
 *         .staffDirectory(stores.staff())
 *         .build();
 * }</pre>
 *
 * The tables belong to the same versioned schema as the conversations ({@code threadline_schema_history}), so
 * whichever of this and {@link dev.threadline.messaging.jpa.JpaConversationStore} is created first migrates it.
 */
public final class JpaAutomationStores {

    private final TemplateStore templates;
    private final CampaignStore campaigns;
    private final SendSlots sendSlots;
    private final ContactProfileStore contactProfiles;
    private final StaffDirectory staff;
    private final RunClaims runClaims;

    private JpaAutomationStores(Database database) {
        this.templates = new JpaTemplateStore(database);
        this.campaigns = new JpaCampaignStore(database);
        this.sendSlots = new JpaSendSlots(database);
        this.contactProfiles = new JpaContactProfileStore(database);
        this.staff = new JpaStaffDirectory(database);
        this.runClaims = new JpaRunClaims(database);
    }

    /** The stores on {@code dataSource} (H2 or PostgreSQL), after bringing its schema to the current version. */
    public static JpaAutomationStores on(DataSource dataSource) {
        DatabaseVendor vendor = DatabaseVendor.of(dataSource);
        SchemaMigrations.migrate(dataSource, vendor);
        vendor.makeCommitsDurable(dataSource);
        return new JpaAutomationStores(new Database(dataSource));
    }

    /** Templates and canned replies. */
    public TemplateStore templates() {
        return templates;
    }

    /** Campaigns, their recipients and the conversations they wrote to. */
    public CampaignStore campaigns() {
        return campaigns;
    }

    /** The campaigns' booked send times, counted per minute for the rate limit every instance shares. */
    public SendSlots sendSlots() {
        return sendSlots;
    }

    /** Contact tags and time zones. */
    public ContactProfileStore contactProfiles() {
        return contactProfiles;
    }

    /** Staff members and their notification preferences. */
    public StaffDirectory staff() {
        return staff;
    }

    /** Which instance runs each run of a periodic job, such as the daily digest. */
    public RunClaims runClaims() {
        return runClaims;
    }
}
