package dev.threadline.messaging.automation.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One recipient of a campaign and what became of their message. A contact appears once per campaign.
 *
 * @param address the phone (E.164) or email the message goes to
 * @param zone the recipient's time zone, for quiet hours
 * @param zoneSource where {@code zone} came from
 * @param reason why the recipient was skipped or failed ({@code opted_out}, a provider error code, …)
 * @param messageId the outbox message, once scheduled
 * @param sendAt when the message is due, once scheduled
 * @param repliedAt when the recipient first wrote back after the campaign message
 */
public record CampaignRecipient(String campaignId, String tenantId, String contactId, @Nullable String name, String address,
                                ZoneId zone, ZoneSource zoneSource, Map<String, Object> variables, RecipientStatus status, @Nullable String reason,
                                @Nullable String messageId, @Nullable String conversationId, @Nullable Instant sendAt,
                                @Nullable Instant repliedAt, Instant updatedAt) {

    public CampaignRecipient {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(zoneSource, "zoneSource");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether {@link #address()} is an email address rather than a phone number. */
    public boolean hasEmailAddress() {
        return address.indexOf('@') >= 0;
    }

    /** Waiting to be scheduled, with no message. */
    public CampaignRecipient pending(Instant at) {
        return new CampaignRecipient(campaignId, tenantId, contactId, name, address, zone, zoneSource, variables, RecipientStatus.PENDING,
                null, null, conversationId, null, repliedAt, at);
    }

    /** Pending, with the id of the message it is about to be sent (see {@link CampaignStore#planMessage}). */
    public CampaignRecipient planned(String plannedMessageId, Instant at) {
        return new CampaignRecipient(campaignId, tenantId, contactId, name, address, zone, zoneSource, variables, RecipientStatus.PENDING,
                null, plannedMessageId, conversationId, null, repliedAt, at);
    }

    public CampaignRecipient scheduled(String newMessageId, String newConversationId, Instant newSendAt, Instant at) {
        return new CampaignRecipient(campaignId, tenantId, contactId, name, address, zone, zoneSource, variables, RecipientStatus.SCHEDULED,
                null, newMessageId, newConversationId, newSendAt, repliedAt, at);
    }

    /** A final status; the message id stays for reference. */
    public CampaignRecipient finished(RecipientStatus newStatus, @Nullable String newReason, Instant at) {
        return new CampaignRecipient(campaignId, tenantId, contactId, name, address, zone, zoneSource, variables, newStatus, newReason,
                messageId, conversationId, sendAt, repliedAt, at);
    }

    public CampaignRecipient replied(Instant at) {
        return new CampaignRecipient(campaignId, tenantId, contactId, name, address, zone, zoneSource, variables, status, reason,
                messageId, conversationId, sendAt, at, at);
    }
}
