package dev.threadline.messaging.automation.analytics;

import static dev.threadline.messaging.automation.AutomationFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Sentiment;
import dev.threadline.messaging.automation.AutomationFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnalyticsTest {

    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    private final AutomationFixture fx = new AutomationFixture(NOON, b -> b);
    private final Analytics analytics = fx.automation.analytics();

    @AfterEach
    void close() {
        fx.close();
    }

    /**
     * SMS: Ana writes at 12:00, staff answer at 12:10 (sent); Ana writes at 12:30 and 12:34, the AI answers
     * at 12:50 (fails). Email: Bo writes at 13:00, staff answer at 13:30 (sent). Ana's conversation is scored 4.0.
     */
    @BeforeEach
    void oneDayOfConversations() {
        String ana = fx.customerSms("Ana", "+15551234567", "Do you do peels?").conversation().id();
        fx.advance(Duration.ofMinutes(10));
        fx.manager.reply(TENANT, ana, "Yes, we do!", "dana");
        fx.deliverDue();
        fx.advance(Duration.ofMinutes(20));
        fx.customerSms("Ana", "+15551234567", "How much?");
        fx.advance(Duration.ofMinutes(4));
        fx.customerSms("Ana", "+15551234567", "And Botox?");
        fx.advance(Duration.ofMinutes(16));
        fx.manager.generateReply(TENANT, ana);
        fx.sms.failNext(NonRetriableMessagingException.deliveryFailed("30003", "unreachable"));
        fx.deliverDue();
        fx.store.updateConversation(TENANT, ana, c -> c.withSatisfaction(new Satisfaction(4.0, Sentiment.POSITIVE, "booked", "ok")));

        fx.advance(Duration.ofMinutes(10));
        String bo = fx.manager.receive(InboundMessage.builder(TENANT, ChannelId.EMAIL).customerName("Bo")
                .customerEmail("bo@example.com").subject("Gift cards").body("Do you sell gift cards?").build()).conversation().id();
        fx.advance(Duration.ofMinutes(30));
        fx.manager.reply(TENANT, bo, "We do.", "dana");
        fx.deliverDue();
    }

    private AnalyticsReport today(ZoneId zone) {
        return analytics.report(AnalyticsQuery.daily(TENANT, NOON.minus(Duration.ofHours(12)), NOON.plus(Duration.ofHours(12)), zone));
    }

    @Test
    void smsRowMeasuresItsConversation() {
        ChannelStats sms = today(ZoneOffset.UTC).rows().get(1);

        assertThat(sms).isEqualTo(new ChannelStats(DAY, ChannelId.SMS, 1, 3, 2, Duration.ofMinutes(10), Duration.ofMinutes(15),
                0.5, 0.5, 4.0, 1));
    }

    @Test
    void emailRowMeasuresItsConversation() {
        ChannelStats email = today(ZoneOffset.UTC).rows().get(0);

        assertThat(email).isEqualTo(new ChannelStats(DAY, ChannelId.EMAIL, 1, 1, 1, Duration.ofMinutes(30), Duration.ofMinutes(30),
                1.0, 0.0, null, 0));
    }

    @Test
    void allChannelsRowComesLastAndCombinesTheChannels() {
        ChannelStats all = today(ZoneOffset.UTC).rows().get(2);

        assertThat(all.channel()).isNull();
        assertThat(all.conversationsStarted()).isEqualTo(2);
        assertThat(all.averageFirstResponse()).isEqualTo(Duration.ofMinutes(20));
        assertThat(all.medianResponse()).isEqualTo(Duration.ofMinutes(20));
        assertThat(all.deliverySuccessRate()).isEqualTo(2.0 / 3);
        assertThat(all.aiReplyShare()).isEqualTo(1.0 / 3);
    }

    @Test
    void bookingsCountTheConversationsStartedInTheBucketThatEndedBooked() {
        String cy = fx.customerSms("Cy", "+15551234568", "Any openings Friday?").conversation().id();
        fx.store.updateConversation(TENANT, cy, c -> c.withSatisfaction(new Satisfaction(5.0, Sentiment.POSITIVE, "booked", "ok")));
        String di = fx.customerSms("Di", "+15551234569", "Where do I park?").conversation().id();
        fx.store.updateConversation(TENANT, di, c -> c.withSatisfaction(
                new Satisfaction(4.0, Sentiment.POSITIVE, "question_answered", "ok")));

        AnalyticsReport report = today(ZoneOffset.UTC);

        assertThat(report.rows()).extracting(ChannelStats::channel, ChannelStats::bookings)
                .containsExactly(tuple(ChannelId.EMAIL, 0L), tuple(ChannelId.SMS, 2L), tuple(null, 2L));
    }

    @Test
    void aBookingCountsOnTheDayItsConversationStarted() {
        fx.advance(Duration.ofDays(1));
        fx.customerSms("Ana", "+15551234567", "Thanks, see you then!");

        AnalyticsReport nextDay = analytics.report(AnalyticsQuery.daily(TENANT, NOON.plus(Duration.ofHours(12)),
                NOON.plus(Duration.ofHours(36)), ZoneOffset.UTC));

        assertThat(nextDay.rows()).extracting(ChannelStats::channel, ChannelStats::messagesIn, ChannelStats::bookings)
                .containsExactly(tuple(ChannelId.SMS, 1L, 0L), tuple(null, 1L, 0L));
    }

    @Test
    void aMessageScheduledForLaterHasNotGoneOutYet() {
        fx.manager.send(OutboundMessage.builder(TENANT, ChannelId.SMS).customerName("Ana").customerPhone("+15551234567")
                .body("See you tomorrow!").sendAt(NOON.plus(Duration.ofDays(1))).build());

        ChannelStats sms = today(ZoneOffset.UTC).rows().get(1);

        assertThat(List.of(sms.messagesOut(), sms.deliverySuccessRate(), sms.aiReplyShare())).containsExactly(2L, 0.5, 0.5);
    }

    @Test
    void bucketsFollowTheLocalCalendarOfTheZone() {
        fx.advance(Duration.ofHours(14)); // 2026-11-22T03:10Z is still Saturday evening in New York
        fx.customerSms("Cy", "+15551234568", "late question");

        AnalyticsReport report = analytics.report(AnalyticsQuery.daily(TENANT, NOON.minus(Duration.ofHours(12)),
                NOON.plus(Duration.ofDays(1)), ZoneId.of("America/New_York")));

        assertThat(report.rows()).extracting(ChannelStats::periodStart).containsOnly(DAY);
        assertThat(report.rows().get(2).conversationsStarted()).isEqualTo(3);
    }

    @Test
    void activityOutsideThePeriodIsNotCounted() {
        AnalyticsReport report = analytics.report(AnalyticsQuery.daily(TENANT, NOON.plus(Duration.ofMinutes(25)),
                NOON.plus(Duration.ofMinutes(55)), ZoneOffset.UTC).withChannel(ChannelId.SMS));

        assertThat(report.rows()).extracting(ChannelStats::channel).containsExactly(ChannelId.SMS, null);
        ChannelStats sms = report.rows().get(0);
        assertThat(sms.conversationsStarted()).isZero();
        assertThat(sms.messagesIn()).isEqualTo(2);
        assertThat(sms.messagesOut()).isEqualTo(1);
        assertThat(sms.medianResponse()).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void totalGranularityGivesOneRowPerChannel() {
        AnalyticsReport report = analytics.report(AnalyticsQuery.daily(TENANT, NOON.minus(Duration.ofDays(7)), NOON.plus(Duration.ofDays(7)),
                ZoneOffset.UTC).withGranularity(Granularity.TOTAL));

        assertThat(report.rows()).extracting(ChannelStats::periodStart).containsOnly(LocalDate.of(2026, 11, 14));
        assertThat(report.rows()).hasSize(3);
    }

    @Test
    void csvHasAHeaderAndOneRecordPerRow() {
        String csv = analytics.toCsv(today(ZoneOffset.UTC));

        assertThat(csv).isEqualTo(String.join("\r\n",
                "period_start,channel,conversations_started,messages_in,messages_out,first_response_avg_seconds,"
                        + "response_median_seconds,delivery_success_rate,ai_reply_share,satisfaction_avg,bookings",
                "2026-11-21,email,1,1,1,1800,1800,1.0000,0.0000,,0",
                "2026-11-21,sms,1,3,2,600,900,0.5000,0.5000,4.00,1",
                "2026-11-21,all,2,4,3,1200,1200,0.6667,0.3333,4.00,1") + "\r\n");
    }

    @Test
    void periodMustEndAfterItStarts() {
        assertThatThrownBy(() -> AnalyticsQuery.daily(TENANT, NOON, NOON, ZoneOffset.UTC))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }
}
