package dev.threadline.messaging.spring;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the starter binds under messaging.automation.*, used when messaging-automation is on the classpath.
 *
 * @param campaigns limits and quiet hours shared by every campaign
 * @param digest the daily digest of unanswered conversations sent to staff
 * @param urgentKeywords words that make a customer message urgent (whole words, any case); unset, the
 *        module's defaults (urgent, asap, emergency, reaction, swelling, swollen, bleeding, infection, allergic)
 */
@ConfigurationProperties("messaging.automation")
public record MessagingAutomationProperties(
        @DefaultValue Campaigns campaigns,
        @DefaultValue Digest digest,
        @Nullable List<String> urgentKeywords) {

    public MessagingAutomationProperties {
        urgentKeywords = urgentKeywords == null ? null : List.copyOf(urgentKeywords);
    }

    /**
     * @param messagesPerMinute campaign messages a tenant may have due in any calendar minute
     * @param messagesPerMinuteByTenant overrides of that limit for single tenants
     * @param quietHours local hours in which marketing messages may arrive, unless a campaign sets its own
     */
    public record Campaigns(
            @DefaultValue("60") int messagesPerMinute,
            @Nullable Map<String, Integer> messagesPerMinuteByTenant,
            @DefaultValue QuietHours quietHours) {

        public Campaigns {
            messagesPerMinuteByTenant = messagesPerMinuteByTenant == null ? Map.of() : Map.copyOf(messagesPerMinuteByTenant);
        }
    }

    /**
     * @param allowedFrom first local time a marketing message may arrive
     * @param allowedUntil end of the allowed window (exclusive)
     */
    public record QuietHours(
            @DefaultValue("08:00") LocalTime allowedFrom,
            @DefaultValue("21:00") LocalTime allowedUntil) {
    }

    /**
     * @param enabled whether the digest goes out by itself every day
     * @param time local time of the daily digest
     * @param timeZone zone of that time
     * @param unansweredFor how long a customer must have waited to be listed; also the default of the digest routes
     */
    public record Digest(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("08:00") LocalTime time,
            @DefaultValue("UTC") ZoneId timeZone,
            @DefaultValue("4h") Duration unansweredFor) {
    }
}
