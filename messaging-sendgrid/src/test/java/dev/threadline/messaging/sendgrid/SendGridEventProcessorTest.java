package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.memory.InMemoryConversationStore;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import dev.threadline.messaging.testkit.fakes.FakeSendGridApi;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.threadline.messaging.testkit.WebhookSigner;

/** Event Webhook events applied to a real manager whose mail went out through {@link SendGridChannel}. */
class SendGridEventProcessorTest {

    private static final String TENANT = "acme";
    private static final Instant EVENT_TIME = Instant.parse("2026-11-21T12:00:00Z");

    @AutoClose
    private final FakeSendGridApi sendGrid = new FakeSendGridApi();
    private final InMemoryConversationStore store = new InMemoryConversationStore(new TimeOrderedIdGenerator(), Clock.systemUTC());
    @AutoClose
    private final SendGridChannel channel = new SendGridChannel(
            SendGridSettings.builder("SG.test-key", "hello@acme.test").apiBaseUrl(sendGrid.baseUrl()).build());
    @AutoClose
    private final MessageManager manager = MessageManager.builder().store(store).channel(channel).build();
    private final SendGridEventProcessor processor = new SendGridEventProcessor(manager);
    private final List<MessagingEvent> statusEvents = new CopyOnWriteArrayList<>();
    private Message sent;

    @BeforeEach
    void sendOneMail() {
        Message queued = manager.send(OutboundMessage.builder(TENANT, ChannelId.EMAIL).customerName("Ana Lima")
                .customerEmail("ana@example.com").ourAddress("hello@acme.test").subject("Your booking")
                .body("Your appointment is on Thursday at 3pm.").build());
        manager.deliverDue();
        sent = manager.getMessage(TENANT, queued.id());
        manager.subscribe(event -> {
            if (MessagingEvent.MESSAGE_STATUS.equals(event.type())) {
                statusEvents.add(event);
            }
        });
    }

    @Test
    void mailWentOutWithSendGridsId() {
        assertThat(List.of(sent.status(), sent.providerMessageId())).containsExactly(DeliveryStatus.SENT, FakeSendGridApi.messageId(1));
    }

    @Test
    void deliveredEventMarksTheMailDelivered() {
        processor.process(List.of(event("e-1", "delivered", sent.id(), TENANT, null)), TENANT);

        assertThat(status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void repeatedDeliveryOfTheSameEventIsAppliedOnce() {
        SendGridEvent delivered = event("e-1", "delivered", sent.id(), TENANT, null);

        int first = processor.process(List.of(delivered), TENANT);
        int repeat = processor.process(List.of(delivered), TENANT);

        assertThat(List.of(first, repeat, statusEvents.size())).containsExactly(1, 0, 1);
    }

    @Test
    void repeatHandledByAnotherInstanceOnTheSameStoreIsSkipped() {
        SendGridEvent delivered = event("e-1", "delivered", sent.id(), TENANT, null);
        processor.process(List.of(delivered), TENANT);

        int repeat = new SendGridEventProcessor(manager).process(List.of(delivered), TENANT);

        assertThat(repeat).isZero();
    }

    @Test
    void lateProcessedEventDoesNotMoveDeliveredBack() {
        processor.process(List.of(event("e-2", "delivered", sent.id(), TENANT, null),
                event("e-1", "processed", sent.id(), TENANT, null)), TENANT);

        assertThat(status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void eventWithoutCustomArgsFindsTheMailBySendGridsId() {
        processor.process(List.of(event("e-1", "open", null, null, sent.providerMessageId())), TENANT);

        assertThat(status()).isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void bounceMarksTheMailUndeliveredWithSendGridsReason() {
        processor.process(List.of(event("e-1", "bounce", sent.id(), TENANT, null)), TENANT);

        Message bounced = manager.getMessage(TENANT, sent.id());
        assertThat(List.of(bounced.status(), bounced.errorCode(), bounced.errorMessage()))
                .containsExactly(DeliveryStatus.UNDELIVERED, "bounce", "550 5.1.1 mailbox unavailable");
    }

    @Test
    void bounceOptsTheContactOutOfEmail() {
        processor.process(List.of(event("e-1", "bounce", sent.id(), TENANT, null)), TENANT);

        assertThat(manager.getConversation(TENANT, sent.conversationId()).contact().isOptedOut(ChannelId.EMAIL)).isTrue();
    }

    @Test
    void bounceOfOurMailIsRecordedOnItsConversation() {
        processor.process(List.of(event("e-1", "bounce", sent.id(), TENANT, null)), TENANT);

        assertThat(manager.events(TENANT, sent.conversationId()))
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo(dev.threadline.messaging.ConversationEvent.OPTED_OUT);
                    assertThat(e.data()).containsEntry("reason", "sendgrid bounce");
                });
    }

    @Test
    void bounceOfMailWeDoNotKnowOptsTheAddressOut() {
        processor.process(List.of(event("e-1", "bounce", "not-our-message", TENANT, null)), TENANT);

        assertThat(manager.getConversation(TENANT, sent.conversationId()).contact().isOptedOut(ChannelId.EMAIL)).isTrue();
    }

    @Test
    void afterASpamReportRepliesAreRefused() {
        processor.process(List.of(event("e-1", "spamreport", sent.id(), TENANT, null)), TENANT);

        NonRetriableMessagingException refusal = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> manager.reply(TENANT, sent.conversationId(), "Are you still interested?", "staff"));

        assertThat(refusal.code()).isEqualTo(ErrorCode.RECIPIENT_OPTED_OUT);
    }

    @Test
    void signedWebhookPostIsVerifiedParsedAndApplied() {
        WebhookSigner signer = WebhookSigner.withNewSendGridKey();
        SendGridEventVerifier verifier = new SendGridEventVerifier(signer.sendGridPublicKeyBase64(), Duration.ofMinutes(10), Clock.systemUTC());
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] body = ("[{\"email\":\"ana@example.com\",\"timestamp\":" + EVENT_TIME.getEpochSecond() + ",\"event\":\"delivered\","
                + "\"sg_event_id\":\"ZGVsaXZlcmVkLTE\",\"sg_message_id\":\"" + sent.providerMessageId() + ".filterdrecv-1.0\","
                + "\"response\":\"250 2.0.0 OK\",\"threadline_message_id\":\"" + sent.id() + "\",\"threadline_tenant_id\":\"acme\"}]\r\n")
                .getBytes(StandardCharsets.UTF_8);

        verifier.verify(body, signer.sendGrid(timestamp, body), timestamp);
        processor.process(new SendGridEventParser().parse(body), "default-tenant");

        assertThat(status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    private DeliveryStatus status() {
        return manager.getMessage(TENANT, sent.id()).status();
    }

    private static SendGridEvent event(String eventId, String type, @Nullable String messageId, @Nullable String tenantId,
                                       @Nullable String sgMessageId) {
        return new SendGridEvent(eventId, type, messageId, tenantId, sgMessageId, "ana@example.com", EVENT_TIME,
                "550 5.1.1 mailbox unavailable", "bounce".equals(type) ? "bounce" : null);
    }
}
