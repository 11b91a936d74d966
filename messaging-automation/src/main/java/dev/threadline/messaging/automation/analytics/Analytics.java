package dev.threadline.messaging.automation.analytics;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Measures conversations per channel and period from what the store holds: conversations started,
 * messages in and out, response times, delivery success, the share of AI replies and satisfaction.
 *
 * <p>It walks the tenant's conversations newest activity first and stops at the first one last active
 * before the period, so its cost grows with the conversations active since {@code from}, not with history.
 */
public final class Analytics {

    /** Column names of {@link #toCsv}, in order. */
    public static final List<String> CSV_HEADER = List.of("period_start", "channel", "conversations_started", "messages_in",
            "messages_out", "first_response_avg_seconds", "response_median_seconds", "delivery_success_rate", "ai_reply_share",
            "satisfaction_avg", "bookings");

    /** The satisfaction {@linkplain dev.threadline.messaging.Satisfaction#outcome() outcome} that counts as a booking. */
    public static final String BOOKED = "booked";

    private static final Set<DeliveryStatus> SUCCEEDED = EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
    private static final Set<DeliveryStatus> FAILED = EnumSet.of(DeliveryStatus.FAILED, DeliveryStatus.UNDELIVERED);

    private final MessageManager manager;

    public Analytics(MessageManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    /** Measures the query's period. */
    public AnalyticsReport report(AnalyticsQuery query) {
        LocalDate periodStart = query.from().atZone(query.zone()).toLocalDate();
        Map<Key, Tally> tallies = new TreeMap<>();
        ConversationQuery page = ConversationQuery.all().withChannel(query.channel()).withPage(1, ConversationQuery.MAX_PAGE_SIZE);
        while (true) {
            ConversationPage result = manager.listConversations(query.tenantId(), page);
            for (Conversation conversation : result.conversations()) {
                if (conversation.lastActivityAt().isBefore(query.from())) {
                    return toReport(query, tallies);
                }
                measure(query, periodStart, conversation, tallies);
            }
            if (result.nextCursor() == null) {
                return toReport(query, tallies);
            }
            page = page.withCursor(result.nextCursor());
        }
    }

    /** The report as RFC 4180 CSV with {@link #CSV_HEADER}; durations in whole seconds, the all-channels rows as {@code all}. */
    public String toCsv(AnalyticsReport report) {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out).row(CSV_HEADER);
        for (ChannelStats row : report.rows()) {
            csv.row(List.of(row.periodStart().toString(), row.channel() == null ? "all" : row.channel().value(),
                    Long.toString(row.conversationsStarted()), Long.toString(row.messagesIn()), Long.toString(row.messagesOut()),
                    seconds(row.averageFirstResponse()), seconds(row.medianResponse()), decimal(row.deliverySuccessRate(), 4),
                    decimal(row.aiReplyShare(), 4), decimal(row.averageSatisfaction(), 2), Long.toString(row.bookings())));
        }
        return out.toString();
    }

    private void measure(AnalyticsQuery query, LocalDate periodStart, Conversation conversation, Map<Key, Tally> tallies) {
        List<Message> messages = manager.getConversation(conversation.tenantId(), conversation.id()).messages();
        Bucketer buckets = (at) -> {
            LocalDate bucket = query.granularity().bucketOf(at.atZone(query.zone()).toLocalDate(), periodStart);
            return List.of(tallies.computeIfAbsent(new Key(bucket, conversation.channel().value()), k -> new Tally()),
                    tallies.computeIfAbsent(new Key(bucket, Key.ALL), k -> new Tally()));
        };
        if (query.covers(conversation.initiatedAt())) {
            Duration firstResponse = firstResponse(messages);
            for (Tally t : buckets.of(conversation.initiatedAt())) {
                t.started++;
                if (firstResponse != null) {
                    t.firstResponses.add(firstResponse);
                }
                if (conversation.satisfaction() != null) {
                    t.satisfaction.add(conversation.satisfaction().score());
                    if (BOOKED.equals(conversation.satisfaction().outcome())) {
                        t.bookings++;
                    }
                }
            }
        }
        Instant waitingSince = null;
        for (Message m : messages) {
            boolean inRange = query.covers(m.createdAt());
            if (m.direction() == Direction.INBOUND) {
                if (inRange) {
                    buckets.of(m.createdAt()).forEach(t -> t.messagesIn++);
                }
                waitingSince = waitingSince == null ? m.createdAt() : waitingSince;
                continue;
            }
            if (inRange && wasSent(m)) {
                Duration response = waitingSince != null && isReply(m) ? Duration.between(waitingSince, m.createdAt()) : null;
                buckets.of(m.createdAt()).forEach(t -> t.countOutbound(m, response));
            }
            if (isReply(m)) {
                waitingSince = null;
            }
        }
    }

    private static @Nullable Duration firstResponse(List<Message> messages) {
        Instant firstInbound = null;
        for (Message m : messages) {
            if (m.direction() == Direction.INBOUND && firstInbound == null) {
                firstInbound = m.createdAt();
            } else if (firstInbound != null && isReply(m)) {
                return Duration.between(firstInbound, m.createdAt());
            }
        }
        return null;
    }

    /**
     * A message that answered the customer: written by staff or AI and sent. A failed reply still answered in time
     * from staff's side; its delivery is measured separately.
     */
    private static boolean isReply(Message m) {
        return m.direction() == Direction.OUTBOUND && (m.author() == Author.STAFF || m.author() == Author.AI) && wasSent(m);
    }

    /**
     * Whether we sent this message: it is {@linkplain Message#isPartOfTheExchange() part of the exchange}, or its send
     * failed. Outbound volume, replies and delivery success all count these sends, so a failed one weighs on the
     * success rate; drafts, canceled messages and scheduled ones not yet due were never sent.
     */
    private static boolean wasSent(Message m) {
        return m.isPartOfTheExchange() || FAILED.contains(m.status());
    }

    private static AnalyticsReport toReport(AnalyticsQuery query, Map<Key, Tally> tallies) {
        List<ChannelStats> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(tally.toStats(key)));
        return new AnalyticsReport(query, rows);
    }

    private static String seconds(@Nullable Duration duration) {
        return duration == null ? "" : Long.toString(duration.toSeconds());
    }

    private static String decimal(@Nullable Double value, int places) {
        return value == null ? "" : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    /** The tallies an event at an instant counts in: its channel's and the all-channels row of its bucket. */
    @FunctionalInterface
    private interface Bucketer {
        List<Tally> of(Instant at);
    }

    /** A row: bucket, then channel id, the all-channels row sorting last. */
    private record Key(LocalDate bucket, String channel) implements Comparable<Key> {
        static final String ALL = "\uffff";

        @Override
        public int compareTo(Key other) {
            return Comparator.comparing(Key::bucket).thenComparing(Key::channel).compare(this, other);
        }
    }

    /** Running counts of one row. */
    private static final class Tally {
        long started;
        long bookings;
        long messagesIn;
        long messagesOut;
        long aiReplies;
        long humanReplies;
        long succeeded;
        long failed;
        final List<Duration> firstResponses = new ArrayList<>();
        final List<Duration> responses = new ArrayList<>();
        final List<Double> satisfaction = new ArrayList<>();

        void countOutbound(Message m, @Nullable Duration response) {
            messagesOut++;
            if (m.author() == Author.AI) {
                aiReplies++;
            } else if (m.author() == Author.STAFF) {
                humanReplies++;
            }
            if (SUCCEEDED.contains(m.status())) {
                succeeded++;
            } else if (FAILED.contains(m.status())) {
                failed++;
            }
            if (response != null) {
                responses.add(response);
            }
        }

        ChannelStats toStats(Key key) {
            ChannelId channel = Key.ALL.equals(key.channel()) ? null : new ChannelId(key.channel());
            Duration averageFirst = firstResponses.isEmpty() ? null
                    : firstResponses.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(firstResponses.size());
            return new ChannelStats(key.bucket(), channel, started, messagesIn, messagesOut, averageFirst, median(responses),
                    ratio(succeeded, succeeded + failed), ratio(aiReplies, aiReplies + humanReplies),
                    satisfaction.isEmpty() ? null : satisfaction.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                    bookings);
        }

        private static @Nullable Double ratio(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }

        private static @Nullable Duration median(List<Duration> values) {
            if (values.isEmpty()) {
                return null;
            }
            List<Duration> sorted = values.stream().sorted().toList();
            int mid = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
        }
    }
}
