package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.ChannelId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A template sent to many recipients on one channel.
 *
 * @param marketing marketing messages respect {@code quietHours}; service messages go out at any hour
 * @param variables template variables shared by every recipient; the recipient's contact details
 *        ({@code customer.*}) and own variables win over them
 * @param defaultZone time zone of recipients whose own zone is unknown
 * @param quietHours allowed local hours for marketing messages
 * @param ourAddress the number or address we send from, when the channel has several
 */
public record Campaign(String id, String tenantId, String name, String templateName, ChannelId channel, boolean marketing,
                       Map<String, Object> variables, ZoneId defaultZone, QuietHours quietHours, @Nullable String ourAddress,
                       CampaignStatus status, Instant createdAt, Instant updatedAt) {

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(channel, "channel");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(quietHours, "quietHours");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public Campaign withStatus(CampaignStatus newStatus, Instant at) {
        return new Campaign(id, tenantId, name, templateName, channel, marketing, variables, defaultZone, quietHours,
                ourAddress, newStatus, createdAt, at);
    }
}
