package dev.threadline.messaging.spring.internal.web.automation;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.campaign.CampaignRequest;
import dev.threadline.messaging.automation.campaign.QuietHours;
import dev.threadline.messaging.automation.campaign.RecipientSpec;
import dev.threadline.messaging.automation.campaign.Segment;
import dev.threadline.messaging.automation.notify.NotificationLevel;
import dev.threadline.messaging.automation.notify.StaffMember;
import dev.threadline.messaging.automation.schedule.ReminderRequest;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.TemplateKind;
import dev.threadline.messaging.spring.internal.web.support.Channels;
import dev.threadline.messaging.spring.internal.web.support.JsonObject;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.support.EmailAddresses;
import dev.threadline.messaging.support.PhoneNumbers;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Reads the bodies of the automation routes into the module's requests. The module's builders do the
 * validation; this only maps JSON members to them, reporting wrongly typed members by their path.
 */
final class AutomationRequests {

    private AutomationRequests() {
    }

    /** {@code PUT /templates/{name}}: {@code kind}, {@code variants} by channel id, {@code fallback}. */
    static MessageTemplate template(MessageManager manager, String tenantId, String name, JsonObject json) {
        MessageTemplate.Builder builder = MessageTemplate.builder(tenantId, name);
        TemplateKind kind = json.parsed("kind", (field, text) -> WireValues.lowerCaseName(TemplateKind.class, field, text));
        if (kind != null) {
            builder.kind(kind);
        }
        JsonObject variants = json.object("variants");
        if (variants != null) {
            for (String id : variants.names()) {
                JsonObject variant = variants.object(id);
                if (variant == null) {
                    continue;
                }
                ChannelId channel = Channels.known(manager, id, variants.field(id));
                String body = Objects.requireNonNullElse(variant.string("body"), "");
                if (channel.equals(ChannelId.EMAIL)) {
                    builder.email(Objects.requireNonNullElse(variant.string("subject"), ""), body);
                } else {
                    builder.variant(channel, variant.string("subject"), body);
                }
            }
        }
        JsonObject fallback = json.object("fallback");
        if (fallback != null) {
            builder.fallback(fallback.string("subject"), Objects.requireNonNullElse(fallback.string("body"), ""));
        }
        return builder.build();
    }

    /** {@code POST /scheduled-messages}: either {@code send_at}, or {@code appointment_at} + {@code time_zone} + {@code lead}. */
    static ReminderRequest reminder(MessageManager manager, String tenantId, JsonObject json) {
        ChannelId channel = Channels.known(manager, json.requiredString("channel"), "channel");
        ReminderRequest.Builder builder = ReminderRequest.builder(tenantId, channel, json.requiredString("template"))
                .customerName(json.string("customer_name"))
                .customerPhone(json.string("customer_phone"))
                .customerEmail(json.string("customer_email"))
                .ourAddress(json.string("our_address"))
                .variables(json.values("variables"));
        LocalDateTime appointment = json.parsed("appointment_at", WireValues::localDateTime);
        if (appointment != null) {
            ZoneId zone = json.requiredParsed("time_zone", WireValues::zone);
            builder.before(appointment.atZone(zone), json.requiredParsed("lead", WireValues::lead));
        }
        Instant sendAt = json.parsed("send_at", WireValues::instant);
        if (sendAt != null) {
            builder.sendAt(sendAt);
        }
        return builder.build();
    }

    /** {@code POST /campaigns}: either {@code recipients} or {@code segment}. */
    static CampaignRequest campaign(MessageManager manager, String tenantId, JsonObject json) {
        ChannelId channel = Channels.known(manager, json.requiredString("channel"), "channel");
        CampaignRequest.Builder builder = CampaignRequest.builder(tenantId, json.requiredString("name"), json.requiredString("template"),
                        channel)
                .variables(json.values("variables"))
                .ourAddress(json.string("our_address"));
        Boolean marketing = json.bool("marketing");
        if (marketing != null) {
            builder.marketing(marketing);
        }
        ZoneId zone = json.parsed("default_time_zone", WireValues::zone);
        builder.defaultZone(zone != null ? zone : WireValues.UTC);
        JsonObject quietHours = json.object("quiet_hours");
        if (quietHours != null) {
            builder.quietHours(new QuietHours(quietHours.requiredParsed("allowed_from", WireValues::localTime),
                    quietHours.requiredParsed("allowed_until", WireValues::localTime)));
        }
        List<JsonObject> recipients = json.objects("recipients");
        if (recipients != null) {
            builder.recipients(recipients.stream().map(AutomationRequests::recipient).toList());
        }
        JsonObject segment = json.object("segment");
        if (segment != null) {
            builder.segment(new Segment(segment.parsed("active_since", WireValues::instant),
                    segment.parsed("inactive_since", WireValues::instant), new LinkedHashSet<>(segment.strings("tags"))));
        }
        return builder.build();
    }

    private static RecipientSpec recipient(JsonObject json) {
        return new RecipientSpec(json.string("name"), Objects.requireNonNullElse(json.string("address"), ""),
                json.parsed("time_zone", WireValues::zone), json.values("variables"));
    }

    /** {@code PUT /staff/{id}}: phone to E.164 in the default region, email normalized, level {@code all} unless given. */
    static StaffMember staffMember(MessageManager manager, String defaultRegion, String tenantId, String id, JsonObject json) {
        String phone = json.parsed("phone", (field, text) -> PhoneNumbers.toE164(text, defaultRegion, field));
        String email = json.parsed("email", (field, text) -> EmailAddresses.normalize(text, field));
        NotificationLevel level = json.parsed("level", AutomationRequests::level);
        ChannelId notifyVia = json.parsed("notify_via", (field, text) -> Channels.known(manager, text, field));
        return new StaffMember(tenantId, id, json.requiredString("name"), email, phone,
                level == null ? NotificationLevel.ALL : level, notifyVia);
    }

    /** {@code all}, {@code urgent_only} or {@code none}. */
    static NotificationLevel level(String field, String text) {
        return WireValues.lowerCaseName(NotificationLevel.class, field, text);
    }
}
