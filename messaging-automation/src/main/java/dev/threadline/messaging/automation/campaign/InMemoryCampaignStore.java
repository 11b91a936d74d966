package dev.threadline.messaging.automation.campaign;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns in memory: the default for tests and single-process hosts that need no durability. */
public final class InMemoryCampaignStore implements CampaignStore {

    private final Map<String, Campaign> campaigns = new HashMap<>();
    private final Map<String, Map<String, CampaignRecipient>> recipientsByCampaign = new HashMap<>();
    private final Map<String, String> recipientKeyByMessage = new HashMap<>();
    private final Map<String, String> campaignByConversation = new HashMap<>();

    private static String key(String tenantId, String id) {
        return tenantId + "\u0000" + id;
    }

    @Override
    public synchronized void saveCampaign(Campaign campaign) {
        campaigns.put(key(campaign.tenantId(), campaign.id()), campaign);
    }

    @Override
    public synchronized Optional<Campaign> findCampaign(String tenantId, String campaignId) {
        return Optional.ofNullable(campaigns.get(key(tenantId, campaignId)));
    }

    @Override
    public synchronized List<Campaign> listCampaigns(String tenantId) {
        return campaigns.values().stream()
                .filter(c -> c.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id).reversed())
                .toList();
    }

    @Override
    public synchronized List<Campaign> campaignsIn(CampaignStatus status) {
        return campaigns.values().stream()
                .filter(c -> c.status() == status)
                .sorted(Comparator.comparing(Campaign::createdAt).thenComparing(Campaign::id))
                .toList();
    }

    @Override
    public synchronized Optional<CampaignRecipient> planMessage(String tenantId, String campaignId, String contactId, String messageId,
                                                                Instant at) {
        Optional<CampaignRecipient> pending = findRecipient(tenantId, campaignId, contactId)
                .filter(r -> r.status() == RecipientStatus.PENDING);
        pending.filter(r -> r.messageId() == null).ifPresent(r -> saveRecipient(r.planned(messageId, at)));
        return pending.flatMap(r -> findRecipient(tenantId, campaignId, contactId));
    }

    @Override
    public synchronized void saveRecipient(CampaignRecipient recipient) {
        String campaignKey = key(recipient.tenantId(), recipient.campaignId());
        recipientsByCampaign.computeIfAbsent(campaignKey, k -> new LinkedHashMap<>()).put(recipient.contactId(), recipient);
        if (recipient.messageId() != null) {
            recipientKeyByMessage.put(key(recipient.tenantId(), recipient.messageId()), campaignKey + "\u0000" + recipient.contactId());
        }
    }

    @Override
    public synchronized boolean hasUnfinishedRecipients(String tenantId, String campaignId) {
        return recipientsByCampaign.getOrDefault(key(tenantId, campaignId), Map.of()).values().stream()
                .anyMatch(r -> r.status() == RecipientStatus.PENDING || r.status() == RecipientStatus.SCHEDULED);
    }

    @Override
    public synchronized List<CampaignRecipient> recipients(String tenantId, String campaignId) {
        return List.copyOf(recipientsByCampaign.getOrDefault(key(tenantId, campaignId), Map.of()).values());
    }

    @Override
    public synchronized Optional<CampaignRecipient> findRecipient(String tenantId, String campaignId, String contactId) {
        return Optional.ofNullable(recipientsByCampaign.getOrDefault(key(tenantId, campaignId), Map.of()).get(contactId));
    }

    @Override
    public synchronized Optional<CampaignRecipient> findRecipientByMessage(String tenantId, String messageId) {
        String recipientKey = recipientKeyByMessage.get(key(tenantId, messageId));
        if (recipientKey == null) {
            return Optional.empty();
        }
        int split = recipientKey.lastIndexOf('\u0000');
        CampaignRecipient recipient = recipientsByCampaign.getOrDefault(recipientKey.substring(0, split), Map.of())
                .get(recipientKey.substring(split + 1));
        return Optional.ofNullable(recipient).filter(r -> messageId.equals(r.messageId()));
    }

    @Override
    public synchronized void linkConversation(String tenantId, String conversationId, String campaignId) {
        campaignByConversation.put(key(tenantId, conversationId), campaignId);
    }

    @Override
    public synchronized Optional<String> campaignOfConversation(String tenantId, String conversationId) {
        return Optional.ofNullable(campaignByConversation.get(key(tenantId, conversationId)));
    }
}
