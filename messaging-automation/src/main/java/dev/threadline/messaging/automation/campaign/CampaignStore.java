package dev.threadline.messaging.automation.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable home of campaigns, their recipients and the link from a conversation to the campaign that
 * last wrote to it. Every method is scoped by tenant. Implementations must be thread-safe.
 */
public interface CampaignStore {

    /** Stores the campaign, replacing the one with the same id. */
    void saveCampaign(Campaign campaign);

    Optional<Campaign> findCampaign(String tenantId, String campaignId);

    /** The tenant's campaigns, newest first. */
    List<Campaign> listCampaigns(String tenantId);

    /** Campaigns of every tenant in {@code status}, oldest first: how a restarted app finds the campaigns to carry on. */
    List<Campaign> campaignsIn(CampaignStatus status);

    /** Stores the recipient, replacing the one with the same campaign and contact. */
    void saveRecipient(CampaignRecipient recipient);

    /**
     * Gives a pending recipient the id of the message it is about to be sent, unless it has one already: one atomic
     * step, so two instances carrying on the same campaign agree on one id, and sending with that id is idempotent.
     *
     * @return the recipient as stored afterwards, with whichever id won; empty when it is no longer pending
     */
    Optional<CampaignRecipient> planMessage(String tenantId, String campaignId, String contactId, String messageId, Instant at);

    /**
     * Whether any of the campaign's recipients is pending or scheduled: asked after every status move, so it must not
     * read the recipients themselves.
     */
    boolean hasUnfinishedRecipients(String tenantId, String campaignId);

    /** The campaign's recipients in the order they were first stored. */
    List<CampaignRecipient> recipients(String tenantId, String campaignId);

    /** The campaign's recipient for the contact. */
    Optional<CampaignRecipient> findRecipient(String tenantId, String campaignId, String contactId);

    /** The recipient whose current message is {@code messageId}. */
    Optional<CampaignRecipient> findRecipientByMessage(String tenantId, String messageId);

    /** Records that {@code campaignId} wrote to the conversation, replacing an earlier campaign's link. */
    void linkConversation(String tenantId, String conversationId, String campaignId);

    /** The campaign that last wrote to the conversation. */
    Optional<String> campaignOfConversation(String tenantId, String conversationId);
}
