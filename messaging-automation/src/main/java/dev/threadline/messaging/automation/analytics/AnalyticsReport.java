package dev.threadline.messaging.automation.analytics;

import java.util.List;
import java.util.Objects;

/** Rows ordered by period, then channel, each period's all-channels row last. */
public record AnalyticsReport(AnalyticsQuery query, List<ChannelStats> rows) {
    public AnalyticsReport {
        Objects.requireNonNull(query, "query");
        rows = List.copyOf(rows);
    }
}
