package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to send to whom. Build with {@link #builder(String, String, String, ChannelId)}; give either an
 * explicit recipient list or a segment.
 *
 * @param quietHours null uses {@link CampaignSettings#quietHours()}
 */
public record CampaignRequest(String tenantId, String name, String templateName, ChannelId channel, boolean marketing,
                              Map<String, Object> variables, @Nullable List<RecipientSpec> recipients,
                              @Nullable Segment segment, ZoneId defaultZone, @Nullable QuietHours quietHours,
                              @Nullable String ourAddress) {

    public CampaignRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(channel, "channel");
        variables = Map.copyOf(variables);
        recipients = recipients == null ? null : List.copyOf(recipients);
        Objects.requireNonNull(defaultZone, "defaultZone");
    }

    public static Builder builder(String tenantId, String name, String templateName, ChannelId channel) {
        return new Builder(tenantId, name, templateName, channel);
    }

    /** Builder for {@link CampaignRequest}. Campaigns are marketing (quiet hours apply) unless told otherwise. */
    public static final class Builder {
        private final String tenantId;
        private final String name;
        private final String templateName;
        private final ChannelId channel;
        private boolean marketing = true;
        private Map<String, Object> variables = Map.of();
        private @Nullable List<RecipientSpec> recipients;
        private @Nullable Segment segment;
        private ZoneId defaultZone = ZoneOffset.UTC;
        private @Nullable QuietHours quietHours;
        private @Nullable String ourAddress;

        private Builder(String tenantId, String name, String templateName, ChannelId channel) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            if (name == null || name.isBlank()) {
                throw NonRetriableMessagingException.validation("name", "name is required");
            }
            if (templateName == null || templateName.isBlank()) {
                throw NonRetriableMessagingException.validation("template", "template is required");
            }
            this.name = name.strip();
            this.templateName = templateName;
            this.channel = Objects.requireNonNull(channel, "channel");
        }

        /** False for service messages (e.g. a closure notice), which may go out at any hour. */
        public Builder marketing(boolean value) { this.marketing = value; return this; }
        public Builder ourAddress(@Nullable String value) { this.ourAddress = value; return this; }
        public Builder quietHours(@Nullable QuietHours value) { this.quietHours = value; return this; }

        /** Variables shared by every recipient. */
        public Builder variables(Map<String, ?> value) {
            this.variables = Map.copyOf(Objects.requireNonNull(value, "variables"));
            return this;
        }

        /** The time zone of recipients whose zone is unknown. Default UTC. */
        public Builder defaultZone(ZoneId value) {
            this.defaultZone = Objects.requireNonNull(value, "defaultZone");
            return this;
        }

        public Builder recipients(List<RecipientSpec> value) {
            this.recipients = Objects.requireNonNull(value, "recipients");
            return this;
        }

        public Builder segment(Segment value) {
            this.segment = Objects.requireNonNull(value, "segment");
            return this;
        }

        public CampaignRequest build() {
            if ((recipients == null) == (segment == null)) {
                throw NonRetriableMessagingException.validation("recipients", "give either recipients or a segment");
            }
            if (recipients != null && recipients.isEmpty()) {
                throw NonRetriableMessagingException.validation("recipients", "recipients must not be empty");
            }
            return new CampaignRequest(tenantId, name, templateName, channel, marketing, variables, recipients, segment,
                    defaultZone, quietHours, ourAddress);
        }
    }
}
