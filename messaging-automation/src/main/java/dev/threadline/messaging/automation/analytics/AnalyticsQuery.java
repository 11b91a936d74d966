package dev.threadline.messaging.automation.analytics;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to measure: one tenant's activity in {@code [from, to)}, bucketed by {@code granularity} on the
 * local calendar of {@code zone}.
 *
 * @param channel only this channel; null for every channel (with an all-channels row per bucket)
 */
public record AnalyticsQuery(String tenantId, Instant from, Instant to, ZoneId zone, Granularity granularity,
                             @Nullable ChannelId channel) {

    public AnalyticsQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        if (from == null) {
            throw NonRetriableMessagingException.validation("from", "from is required");
        }
        if (to == null || !to.isAfter(from)) {
            throw NonRetriableMessagingException.validation("to", "to must be after from");
        }
        if (zone == null) {
            throw NonRetriableMessagingException.validation("zone", "zone is required");
        }
        Objects.requireNonNull(granularity, "granularity");
    }

    /** Daily rows for every channel. */
    public static AnalyticsQuery daily(String tenantId, Instant from, Instant to, ZoneId zone) {
        return new AnalyticsQuery(tenantId, from, to, zone, Granularity.DAY, null);
    }

    public AnalyticsQuery withGranularity(Granularity value) {
        return new AnalyticsQuery(tenantId, from, to, zone, value, channel);
    }

    public AnalyticsQuery withChannel(@Nullable ChannelId value) {
        return new AnalyticsQuery(tenantId, from, to, zone, granularity, value);
    }

    boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
