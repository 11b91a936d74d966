package dev.threadline.messaging.automation.campaign;

import java.util.Map;
import java.util.Objects;

/**
 * Campaign limits shared by every campaign.
 *
 * @param messagesPerMinute the per-tenant limit of campaign messages due in any calendar minute
 * @param messagesPerMinuteByTenant overrides of that limit for single tenants
 * @param quietHours allowed local hours for marketing messages when a campaign sets none
 */
public record CampaignSettings(int messagesPerMinute, Map<String, Integer> messagesPerMinuteByTenant, QuietHours quietHours) {

    /** 60 messages a minute, quiet hours 08:00–21:00. */
    public static final CampaignSettings DEFAULTS = new CampaignSettings(60, Map.of(), QuietHours.DEFAULT);

    public CampaignSettings {
        if (messagesPerMinute < 1) {
            throw new IllegalArgumentException("messagesPerMinute must be positive");
        }
        messagesPerMinuteByTenant = Map.copyOf(messagesPerMinuteByTenant);
        if (messagesPerMinuteByTenant.values().stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException("every tenant's messagesPerMinute must be positive");
        }
        Objects.requireNonNull(quietHours, "quietHours");
    }

    /** The limit for {@code tenantId}. */
    public int messagesPerMinute(String tenantId) {
        return messagesPerMinuteByTenant.getOrDefault(tenantId, messagesPerMinute);
    }

    public CampaignSettings withMessagesPerMinute(int value) {
        return new CampaignSettings(value, messagesPerMinuteByTenant, quietHours);
    }

    public CampaignSettings withQuietHours(QuietHours value) {
        return new CampaignSettings(messagesPerMinute, messagesPerMinuteByTenant, value);
    }
}
