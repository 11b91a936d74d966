package dev.threadline.messaging.automation.notify;

import static dev.threadline.messaging.automation.AutomationFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.automation.AutomationFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StaffNotificationsTest {

    private record Delivered(String memberId, StaffNotification notification) {
    }

    private final List<Delivered> delivered = new ArrayList<>();
    private AutomationFixture fx = new AutomationFixture(Instant.parse("2026-11-21T12:00:00Z"),
            b -> b.staffNotifier((member, n) -> delivered.add(new Delivered(member.id(), n))));

    @AfterEach
    void close() {
        fx.close();
    }

    private void staff(String id, NotificationLevel level) {
        fx.automation.staff().save(new StaffMember(TENANT, id, id, null, null, level, null));
    }

    private List<String> alertedMembers() {
        return delivered.stream().filter(d -> d.notification() instanceof NewMessageAlert).map(Delivered::memberId).toList();
    }

    @Test
    void everyNewMessageReachesMembersWhoWantAll() {
        staff("dana", NotificationLevel.ALL);

        fx.customerSms("Ana", "+15551234567", "Do you have time on Friday?");

        assertThat(alertedMembers()).containsExactly("dana");
    }

    @Test
    void urgentOnlyMembersHearOnlyOfUrgentMessages() {
        staff("dana", NotificationLevel.URGENT_ONLY);

        fx.customerSms("Ana", "+15551234567", "Do you have time on Friday?");
        fx.customerSms("Bo", "+15551234568", "My lip has swelling after the filler");

        assertThat(delivered).singleElement().satisfies(d -> {
            NewMessageAlert alert = (NewMessageAlert) d.notification();
            assertThat(alert.customerName()).isEqualTo("Bo");
            assertThat(alert.urgent()).isTrue();
        });
    }

    @Test
    void membersWhoWantNoneHearNothing() {
        staff("dana", NotificationLevel.NONE);

        fx.customerSms("Ana", "+15551234567", "EMERGENCY please call");

        assertThat(delivered).isEmpty();
    }

    @Test
    void preferenceChangeAppliesToTheNextMessage() {
        staff("dana", NotificationLevel.ALL);
        fx.automation.staff().setLevel(TENANT, "dana", NotificationLevel.NONE);

        fx.customerSms("Ana", "+15551234567", "hello");

        assertThat(delivered).isEmpty();
    }

    @Test
    void outboundMessagesNotifyNobody() {
        staff("dana", NotificationLevel.ALL);
        String conversationId = fx.customerSms("Ana", "+15551234567", "hello").conversation().id();
        delivered.clear();

        fx.manager.reply(TENANT, conversationId, "Hi Ana!", "dana");
        fx.deliverDue();

        assertThat(delivered).isEmpty();
    }

    @Test
    void injectedClassifierDecidesUrgency() {
        fx.close();
        fx = new AutomationFixture(Instant.parse("2026-11-21T12:00:00Z"), b -> b
                .staffNotifier((member, n) -> delivered.add(new Delivered(member.id(), n)))
                .urgencyClassifier((conversation, message) -> message.body().contains("refund")));
        staff("dana", NotificationLevel.URGENT_ONLY);

        fx.customerSms("Ana", "+15551234567", "I want a refund");
        fx.customerSms("Bo", "+15551234568", "urgent: what time do you open?");

        assertThat(delivered).extracting(d -> ((NewMessageAlert) d.notification()).customerName()).containsExactly("Ana");
    }

    @Test
    void failingClassifierFallsBackToKeywords() {
        fx.close();
        fx = new AutomationFixture(Instant.parse("2026-11-21T12:00:00Z"), b -> b
                .staffNotifier((member, n) -> delivered.add(new Delivered(member.id(), n)))
                .urgencyClassifier((conversation, message) -> {
                    throw new IllegalStateException("AI provider down");
                }));
        staff("dana", NotificationLevel.URGENT_ONLY);

        fx.customerSms("Ana", "+15551234567", "Bleeding since this morning");

        assertThat(alertedMembers()).containsExactly("dana");
    }

    @Test
    void failingNotifierDoesNotStopTheOthers() {
        fx.close();
        fx = new AutomationFixture(Instant.parse("2026-11-21T12:00:00Z"), b -> b.staffNotifier((member, n) -> {
            if (member.id().equals("a-broken")) {
                throw new IllegalStateException("push service down");
            }
            delivered.add(new Delivered(member.id(), n));
        }));
        staff("a-broken", NotificationLevel.ALL);
        staff("dana", NotificationLevel.ALL);

        fx.customerSms("Ana", "+15551234567", "hello");

        assertThat(alertedMembers()).containsExactly("dana");
    }

    @Test
    void unreadSummaryCountsUnreadCustomerMessagesPerChannel() {
        fx.customerSms("Ana", "+15551234567", "one");
        fx.customerSms("Ana", "+15551234567", "two");

        assertThat(fx.automation.notifications().unread(TENANT)).isEqualTo(new UnreadSummary(2, Map.of(ChannelId.SMS, 2L)));
    }

    @Test
    void digestListsConversationsWaitingLongerThanTheThresholdLongestFirst() {
        String ana = fx.customerSms("Ana", "+15551234501", "first question").conversation().id();
        fx.advance(Duration.ofHours(1));
        String bo = fx.customerSms("Bo", "+15551234502", "another question").conversation().id();
        fx.customerSms("Ana", "+15551234501", "hello again?");
        fx.advance(Duration.ofHours(2));
        fx.customerSms("Cy", "+15551234503", "too recent to count");

        Digest digest = fx.automation.notifications().unanswered(TENANT, Duration.ofHours(2));

        assertThat(digest.conversations()).extracting(UnansweredConversation::conversationId).containsExactly(ana, bo);
        assertThat(digest.conversations().get(0).waiting()).isEqualTo(Duration.ofHours(3));
        assertThat(digest.conversations().get(0).lastMessage()).isEqualTo("hello again?");
    }

    @Test
    void anOutOfOfficeReplyAlertsNobodyAndIsNoCustomerWaiting() {
        staff("dana", NotificationLevel.ALL);
        String erin = fx.manager.send(dev.threadline.messaging.OutboundMessage.builder(TENANT, ChannelId.EMAIL)
                .customerName("Erin").customerEmail("erin@example.com").subject("Your visit").body("See you Friday!").build())
                .conversationId();

        fx.manager.receive(dev.threadline.messaging.InboundMessage.builder(TENANT, ChannelId.EMAIL).customerEmail("erin@example.com")
                .subject("Automatic reply: Your visit").body("I am out of the office until Monday.").conversationId(erin)
                .headers(Map.of("Auto-Submitted", "auto-replied")).build());
        fx.advance(Duration.ofHours(5));

        assertThat(alertedMembers()).isEmpty();
        assertThat(fx.automation.notifications().unanswered(TENANT, Duration.ofHours(2)).conversations()).isEmpty();
    }

    @Test
    void answeredConversationIsNotInTheDigest() {
        String ana = fx.customerSms("Ana", "+15551234501", "question").conversation().id();
        fx.manager.reply(TENANT, ana, "answer", "dana");
        fx.advance(Duration.ofHours(5));

        assertThat(fx.automation.notifications().unanswered(TENANT, Duration.ofHours(2)).conversations()).isEmpty();
    }

    @Test
    void anAiDraftIsNotAnAnswer() {
        fx.close();
        fx = new AutomationFixture(Instant.parse("2026-11-21T12:00:00Z"), AiMode.DRAFT, b -> b);
        ReceiveResult received = fx.customerSms("Ana", "+15551234501", "How much is Botox?");
        String ana = received.conversation().id();
        assertThat(received.aiReply()).extracting(Message::status).isEqualTo(DeliveryStatus.DRAFT);
        fx.advance(Duration.ofHours(5));

        assertThat(fx.automation.notifications().unanswered(TENANT, Duration.ofHours(2)).conversations())
                .extracting(UnansweredConversation::conversationId).containsExactly(ana);
    }

    @Test
    void aFailedReplyOrOneScheduledForLaterIsNotAnAnswer() {
        String ana = fx.customerSms("Ana", "+15551234501", "How much is Botox?").conversation().id();
        fx.sms.failNext(NonRetriableMessagingException.deliveryFailed("30003", "unreachable"));
        fx.manager.reply(TENANT, ana, "$12 per unit.", "dana");
        fx.deliverDue();
        fx.manager.send(OutboundMessage.builder(TENANT, ChannelId.SMS).customerName("Ana").customerPhone("+15551234501")
                .body("Still interested?").sendAt(fx.clock.instant().plus(Duration.ofDays(1))).build());
        fx.advance(Duration.ofHours(5));

        assertThat(fx.manager.getConversation(TENANT, ana).messages()).extracting(Message::status)
                .containsExactly(DeliveryStatus.RECEIVED, DeliveryStatus.FAILED, DeliveryStatus.SCHEDULED);
        assertThat(fx.automation.notifications().unanswered(TENANT, Duration.ofHours(2)).conversations())
                .extracting(UnansweredConversation::conversationId).containsExactly(ana);
    }

    @Test
    void digestGoesToEveryoneButMembersWhoWantNone() {
        staff("dana", NotificationLevel.URGENT_ONLY);
        staff("eli", NotificationLevel.NONE);
        fx.customerSms("Ana", "+15551234501", "question");
        delivered.clear();
        fx.advance(Duration.ofHours(5));

        fx.automation.notifications().sendDigest(TENANT, Duration.ofHours(2));

        assertThat(delivered).extracting(Delivered::memberId).containsExactly("dana");
        assertThat(delivered.get(0).notification()).isInstanceOf(Digest.class);
    }

    @Test
    void emptyDigestIsNotSent() {
        staff("dana", NotificationLevel.ALL);

        Digest digest = fx.automation.notifications().sendDigest(TENANT, Duration.ofHours(2));

        assertThat(digest.conversations()).isEmpty();
        assertThat(delivered).isEmpty();
    }
}
