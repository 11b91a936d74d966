package dev.threadline.messaging.jpa.automation;

import static dev.threadline.messaging.jpa.automation.Database.instant;
import static dev.threadline.messaging.jpa.automation.Database.timestamp;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignRecipient;
import dev.threadline.messaging.automation.campaign.CampaignStatus;
import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.QuietHours;
import dev.threadline.messaging.automation.campaign.RecipientStatus;
import dev.threadline.messaging.automation.campaign.ZoneSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Campaigns in {@code automation_campaigns}, their recipients in {@code automation_campaign_recipients} (in the
 * order first stored) and the conversation each campaign last wrote to in {@code automation_campaign_conversations}.
 */
final class JpaCampaignStore implements CampaignStore {

    private static final String CAMPAIGN_COLUMNS = "tenant_id, id, name, template_name, channel, marketing, variables, default_zone,"
            + " allowed_from, allowed_until, our_address, status, created_at, updated_at";
    private static final String UPDATE_CAMPAIGN = "update automation_campaigns set name = ?, template_name = ?, channel = ?,"
            + " marketing = ?, variables = ?, default_zone = ?, allowed_from = ?, allowed_until = ?, our_address = ?, status = ?,"
            + " created_at = ?, updated_at = ? where tenant_id = ? and id = ?";
    private static final String INSERT_CAMPAIGN = "insert into automation_campaigns (" + CAMPAIGN_COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RECIPIENT_COLUMNS = "tenant_id, campaign_id, contact_id, name, address, zone, zone_source, variables, status,"
            + " reason, message_id, conversation_id, send_at, replied_at, updated_at";
    private static final String UPDATE_RECIPIENT = "update automation_campaign_recipients set name = ?, address = ?, zone = ?, zone_source = ?,"
            + " variables = ?, status = ?, reason = ?, message_id = ?, conversation_id = ?, send_at = ?, replied_at = ?,"
            + " updated_at = ? where tenant_id = ? and campaign_id = ? and contact_id = ?";
    private static final String INSERT_RECIPIENT = "insert into automation_campaign_recipients (" + RECIPIENT_COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_LINK = "update automation_campaign_conversations set campaign_id = ?"
            + " where tenant_id = ? and conversation_id = ?";
    private static final String INSERT_LINK = "insert into automation_campaign_conversations (tenant_id, conversation_id, campaign_id)"
            + " values (?, ?, ?)";

    private final Database database;

    JpaCampaignStore(Database database) {
        this.database = database;
    }

    @Override
    public void saveCampaign(Campaign campaign) {
        Object[] values = {campaign.name(), campaign.templateName(), campaign.channel().value(), campaign.marketing(),
                AutomationJson.values(campaign.variables()), campaign.defaultZone().getId(), campaign.quietHours().allowedFrom(),
                campaign.quietHours().allowedUntil(), campaign.ourAddress(), campaign.status().name(),
                timestamp(campaign.createdAt()), timestamp(campaign.updatedAt())};
        database.upsert(UPDATE_CAMPAIGN, append(values, campaign.tenantId(), campaign.id()),
                INSERT_CAMPAIGN, prepend(values, campaign.tenantId(), campaign.id()));
    }

    @Override
    public Optional<Campaign> findCampaign(String tenantId, String campaignId) {
        return database.queryOne("select " + CAMPAIGN_COLUMNS + " from automation_campaigns where tenant_id = ? and id = ?",
                JpaCampaignStore::campaign, tenantId, campaignId);
    }

    @Override
    public List<Campaign> listCampaigns(String tenantId) {
        return database.query("select " + CAMPAIGN_COLUMNS + " from automation_campaigns where tenant_id = ?"
                + " order by created_at desc, id desc", JpaCampaignStore::campaign, tenantId);
    }

    @Override
    public List<Campaign> campaignsIn(CampaignStatus status) {
        return database.query("select " + CAMPAIGN_COLUMNS + " from automation_campaigns where status = ?"
                + " order by created_at, id", JpaCampaignStore::campaign, status.name());
    }

    @Override
    public Optional<CampaignRecipient> planMessage(String tenantId, String campaignId, String contactId, String messageId, Instant at) {
        return database.inTransaction(c -> {
            // The update only takes when no one planned an id first; either way the row read after it has the winner's.
            Database.update(c, "update automation_campaign_recipients set message_id = ?, updated_at = ? where tenant_id = ?"
                    + " and campaign_id = ? and contact_id = ? and status = ? and message_id is null",
                    messageId, timestamp(at), tenantId, campaignId, contactId, RecipientStatus.PENDING.name());
            return Database.query(c, "select " + RECIPIENT_COLUMNS + " from automation_campaign_recipients where tenant_id = ?"
                    + " and campaign_id = ? and contact_id = ? and status = ?", JpaCampaignStore::recipient, tenantId, campaignId,
                    contactId, RecipientStatus.PENDING.name()).stream().findFirst();
        });
    }

    @Override
    public void saveRecipient(CampaignRecipient recipient) {
        Object[] values = {recipient.name(), recipient.address(), recipient.zone().getId(), recipient.zoneSource().name(),
                AutomationJson.values(recipient.variables()),
                recipient.status().name(), recipient.reason(), recipient.messageId(), recipient.conversationId(),
                timestamp(recipient.sendAt()), timestamp(recipient.repliedAt()), timestamp(recipient.updatedAt())};
        database.upsert(UPDATE_RECIPIENT, append(values, recipient.tenantId(), recipient.campaignId(), recipient.contactId()),
                INSERT_RECIPIENT, prepend(values, recipient.tenantId(), recipient.campaignId(), recipient.contactId()));
    }

    @Override
    public boolean hasUnfinishedRecipients(String tenantId, String campaignId) {
        return database.queryOne("select 1 from automation_campaign_recipients where tenant_id = ? and campaign_id = ?"
                + " and status in (?, ?) fetch first 1 rows only", rs -> true, tenantId, campaignId,
                RecipientStatus.PENDING.name(), RecipientStatus.SCHEDULED.name()).isPresent();
    }

    @Override
    public List<CampaignRecipient> recipients(String tenantId, String campaignId) {
        return database.query("select " + RECIPIENT_COLUMNS + " from automation_campaign_recipients where tenant_id = ?"
                + " and campaign_id = ? order by seq", JpaCampaignStore::recipient, tenantId, campaignId);
    }

    @Override
    public Optional<CampaignRecipient> findRecipient(String tenantId, String campaignId, String contactId) {
        return database.queryOne("select " + RECIPIENT_COLUMNS + " from automation_campaign_recipients where tenant_id = ?"
                + " and campaign_id = ? and contact_id = ?", JpaCampaignStore::recipient, tenantId, campaignId, contactId);
    }

    @Override
    public Optional<CampaignRecipient> findRecipientByMessage(String tenantId, String messageId) {
        return database.queryOne("select " + RECIPIENT_COLUMNS + " from automation_campaign_recipients where tenant_id = ?"
                + " and message_id = ?", JpaCampaignStore::recipient, tenantId, messageId);
    }

    @Override
    public void linkConversation(String tenantId, String conversationId, String campaignId) {
        database.upsert(UPDATE_LINK, new Object[] {campaignId, tenantId, conversationId},
                INSERT_LINK, new Object[] {tenantId, conversationId, campaignId});
    }

    @Override
    public Optional<String> campaignOfConversation(String tenantId, String conversationId) {
        return database.queryOne("select campaign_id from automation_campaign_conversations where tenant_id = ? and conversation_id = ?",
                rs -> rs.getString(1), tenantId, conversationId);
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(rs.getString("id"), rs.getString("tenant_id"), rs.getString("name"), rs.getString("template_name"),
                ChannelId.of(rs.getString("channel")), rs.getBoolean("marketing"), AutomationJson.values(rs.getString("variables")),
                ZoneId.of(rs.getString("default_zone")),
                new QuietHours(rs.getObject("allowed_from", LocalTime.class), rs.getObject("allowed_until", LocalTime.class)),
                rs.getString("our_address"), CampaignStatus.valueOf(rs.getString("status")),
                Objects.requireNonNull(instant(rs, "created_at")), Objects.requireNonNull(instant(rs, "updated_at")));
    }

    private static CampaignRecipient recipient(ResultSet rs) throws SQLException {
        return new CampaignRecipient(rs.getString("campaign_id"), rs.getString("tenant_id"), rs.getString("contact_id"),
                rs.getString("name"), rs.getString("address"), ZoneId.of(rs.getString("zone")), ZoneSource.valueOf(rs.getString("zone_source")),
                AutomationJson.values(rs.getString("variables")), RecipientStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("message_id"), rs.getString("conversation_id"), instant(rs, "send_at"),
                instant(rs, "replied_at"), Objects.requireNonNull(instant(rs, "updated_at")));
    }

    /** The values followed by the key columns, for an update's {@code where}. */
    private static Object[] append(Object[] values, Object... key) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + key.length);
        System.arraycopy(key, 0, all, values.length, key.length);
        return all;
    }

    /** The key columns followed by the values, for an insert. */
    private static Object[] prepend(Object[] values, Object... key) {
        Object[] all = new Object[key.length + values.length];
        System.arraycopy(key, 0, all, 0, key.length);
        System.arraycopy(values, 0, all, key.length, values.length);
        return all;
    }
}
