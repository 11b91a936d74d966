package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.MessageManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves recipients and campaigns as their messages go: sent, failed, canceled, replied to, and a campaign completed
 * once nothing is left pending or scheduled.
 */
final class RecipientStatuses {

    private static final Logger log = LoggerFactory.getLogger(RecipientStatuses.class);

    private final MessageManager manager;
    private final CampaignStore store;
    private final Clock clock;

    RecipientStatuses(MessageManager manager, CampaignStore store, Clock clock) {
        this.manager = manager;
        this.store = store;
        this.clock = clock;
    }

    /** Moves the recipient as its message's new {@code status} says, and completes the campaign when it was the last. */
    void apply(CampaignRecipient recipient, DeliveryStatus status) {
        Campaign campaign = store.findCampaign(recipient.tenantId(), recipient.campaignId()).orElseThrow();
        if (move(campaign, recipient, status)) {
            completeIfDone(campaign);
        }
    }

    /** Moves the recipient as {@code status} says; false when that is no move for it. */
    private boolean move(Campaign campaign, CampaignRecipient recipient, DeliveryStatus status) {
        Instant now = clock.instant();
        CampaignRecipient updated = switch (status) {
            case SENT, DELIVERED, READ -> recipient.status() == RecipientStatus.SCHEDULED
                    ? recipient.finished(RecipientStatus.SENT, null, now) : null;
            case FAILED, UNDELIVERED -> recipient.status() == RecipientStatus.SCHEDULED || recipient.status() == RecipientStatus.SENT
                    ? recipient.finished(RecipientStatus.FAILED, failureReason(recipient, status), now) : null;
            // Pause and cancel take messages back themselves; only a cancel from elsewhere ends the recipient.
            case CANCELED -> recipient.status() == RecipientStatus.SCHEDULED && campaign.status() == CampaignStatus.RUNNING
                    ? recipient.finished(RecipientStatus.CANCELED, "message_canceled", now) : null;
            default -> null;
        };
        if (updated != null) {
            store.saveRecipient(updated);
        }
        return updated != null;
    }

    private String failureReason(CampaignRecipient recipient, DeliveryStatus status) {
        String errorCode = manager.getMessage(recipient.tenantId(), Objects.requireNonNull(recipient.messageId())).errorCode();
        return errorCode != null ? errorCode : status.wireName();
    }

    /** Marks the recipient of the campaign that last wrote to the conversation as having replied. */
    void markReplied(String tenantId, String conversationId) {
        Optional<String> campaignId = store.campaignOfConversation(tenantId, conversationId);
        if (campaignId.isEmpty()) {
            return;
        }
        manager.findConversation(tenantId, conversationId)
                .flatMap(c -> store.findRecipient(tenantId, campaignId.get(), c.contactId()))
                .filter(r -> r.repliedAt() == null && r.status() == RecipientStatus.SENT)
                .ifPresent(r -> store.saveRecipient(r.replied(clock.instant())));
    }

    /**
     * Moves the campaign's scheduled {@code recipients} whose send time has passed to what their message says now:
     * status events published while no instance followed them (the app was down) are otherwise never seen.
     */
    void catchUp(Campaign campaign, List<CampaignRecipient> recipients) {
        Instant now = clock.instant();
        for (CampaignRecipient recipient : recipients) {
            if (recipient.status() == RecipientStatus.SCHEDULED && recipient.sendAt() != null && !recipient.sendAt().isAfter(now)) {
                manager.findMessage(campaign.tenantId(), Objects.requireNonNull(recipient.messageId()))
                        .filter(m -> m.status() != DeliveryStatus.QUEUED && m.status() != DeliveryStatus.SCHEDULED)
                        .ifPresent(m -> move(campaign, recipient, m.status()));
            }
        }
    }

    /** The campaign as stored, completed first when it runs and no recipient is pending or scheduled any more. */
    Campaign completeIfDone(Campaign campaign) {
        Campaign current = store.findCampaign(campaign.tenantId(), campaign.id()).orElseThrow();
        if (current.status() == CampaignStatus.RUNNING && !store.hasUnfinishedRecipients(current.tenantId(), current.id())) {
            log.info("Campaign {} completed", current.id());
            return saveStatus(current, CampaignStatus.COMPLETED);
        }
        return current;
    }

    Campaign saveStatus(Campaign campaign, CampaignStatus status) {
        Campaign updated = campaign.withStatus(status, clock.instant());
        store.saveCampaign(updated);
        return updated;
    }
}
