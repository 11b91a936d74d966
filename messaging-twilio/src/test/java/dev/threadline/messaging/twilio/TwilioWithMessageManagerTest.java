package dev.threadline.messaging.twilio;

import static dev.threadline.messaging.twilio.TwilioWebhookParserTest.inboundSms;
import static dev.threadline.messaging.twilio.TwilioWebhookParserTest.statusCallback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.CallbackResult;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendLookup;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.testkit.fakes.FakeTwilioApi;
import dev.threadline.messaging.testkit.fakes.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Parsed Twilio webhooks and real sends through a {@link MessageManager} on the in-memory store: Twilio
 * retries inbound webhooks and repeats or reorders status callbacks, and none of that may duplicate a
 * message or move a status backwards.
 */
class TwilioWithMessageManagerTest {

    private static final String TENANT = "acme";
    private static final String CUSTOMER = "+14155550123";
    private static final String OUR_NUMBER = "+14155550100";
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final FakeTime time = new FakeTime();
    private final TwilioWebhookParser parser = new TwilioWebhookParser();
    private final List<DeliveryStatus> statusEvents = new CopyOnWriteArrayList<>();
    private FakeTwilioApi twilio;
    private TwilioSettings settings;
    private MessageManager manager;

    @BeforeEach
    void start() throws Exception {
        twilio = new FakeTwilioApi(time);
        settings = TwilioSettings.of(FakeTwilioApi.ACCOUNT_SID, FakeTwilioApi.AUTH_TOKEN, "+14155550199")
                .withApiBaseUrl(twilio.baseUrl())
                .withPublicBaseUrl("https://app.example.com");
        manager = MessageManager.builder()
                .clock(time)
                .channel(TwilioChannel.builder(settings).clock(time).sleeper(time).build())
                .channel(TwilioChannel.builder(settings).whatsapp().clock(time).sleeper(time).build())
                .build();
        manager.subscribe(event -> {
            if (MessagingEvent.MESSAGE_STATUS.equals(event.type())) {
                statusEvents.add(event.status());
            }
        });
    }

    @AfterEach
    void stop() {
        manager.close();
        twilio.close();
    }

    private ReceiveResult receive(Map<String, String> form) {
        return manager.receive(parser.parseInbound(TENANT, form));
    }

    private CallbackResult applyStatus(Map<String, String> form) {
        return new TwilioStatusProcessor(manager, time).process(TENANT, parser.parseStatus(form));
    }

    /** A staff reply to an inbound SMS, handed to Twilio by the delivery worker. */
    private Message sentReply(Map<String, String> inbound) {
        ReceiveResult received = receive(inbound);
        Message reply = manager.reply(TENANT, received.conversation().id(), "See you Tuesday at 3 pm", "staff");
        manager.deliverDue();
        statusEvents.clear();
        return manager.getMessage(TENANT, reply.id());
    }

    /** The reply the manager sent to a customer who wrote on WhatsApp. */
    private Message sentWhatsAppReply() {
        Map<String, String> inbound = new HashMap<>(inboundSms("SM22222222222222222222222222222222", "Hola"));
        inbound.put("From", "whatsapp:" + CUSTOMER);
        inbound.put("To", "whatsapp:" + OUR_NUMBER);
        return sentReply(inbound);
    }

    private Message current(Message message) {
        return manager.getMessage(TENANT, message.id());
    }

    @Test
    void repeatedInboundMessageSidIsStoredOnce() {
        Map<String, String> form = inboundSms("SM11111111111111111111111111111111", "Can I book for Tuesday?");

        ReceiveResult first = receive(form);
        receive(form);

        assertThat(manager.getConversation(TENANT, first.conversation().id()).messages()).hasSize(1);
    }

    @Test
    void inboundFromSomethingThatIsNotAPhoneNumberIsRefusedNamingTheCustomersPhone() {
        Map<String, String> form = new HashMap<>(inboundSms("SM33333333333333333333333333333333", "Hi"));
        form.put("From", "not-a-number");

        NonRetriableMessagingException refused = catchThrowableOfType(NonRetriableMessagingException.class, () -> receive(form));

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.field()).isEqualTo("customer_phone");
    }

    @Test
    void repeatedInboundMessageSidIsReportedAsDuplicate() {
        Map<String, String> form = inboundSms("SM11111111111111111111111111111111", "Can I book for Tuesday?");
        receive(form);

        assertThat(receive(form).duplicate()).isTrue();
    }

    @Test
    void replyGoesFromTheNumberTheCustomerWroteToWithStatusCallbackNamingIt() {
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        RecordedRequest request = twilio.onlyRequest();
        assertThat(List.of(request.field("From"), request.field("To"), request.field("StatusCallback")))
                .containsExactly(OUR_NUMBER, CUSTOMER, "https://app.example.com/webhooks/twilio/status?message_id=" + reply.id());
    }

    @Test
    void sentReplyIsSendingUnderTwilioSid() {
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        assertThat(List.of(reply.status(), reply.providerMessageId()))
                .containsExactly(DeliveryStatus.SENDING, "SM00000000000000000000000000000001");
    }

    @Test
    void sentThenDeliveredForTheSameSidBothApply() {
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        applyStatus(statusCallback(reply.providerMessageId(), "sent"));
        applyStatus(statusCallback(reply.providerMessageId(), "delivered"));

        assertThat(statusEvents).containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);
    }

    @Test
    void lateSentCallbackDoesNotOverwriteDelivered() {
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        applyStatus(statusCallback(reply.providerMessageId(), "delivered"));
        applyStatus(statusCallback(reply.providerMessageId(), "sent"));

        assertThat(current(reply).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void repeatedStatusCallbackChangesNothing() {
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));
        applyStatus(statusCallback(reply.providerMessageId(), "sent"));

        CallbackResult repeated = applyStatus(statusCallback(reply.providerMessageId(), "sent"));

        assertThat(repeated.outcome()).isEqualTo(CallbackResult.Outcome.NOT_FORWARD);
        assertThat(statusEvents).containsExactly(DeliveryStatus.SENT);
    }

    @Test
    void aCallbackForASidNoMessageHasIsWorthRetryingOnlyWithinThePatience() {
        TwilioStatusProcessor processor = new TwilioStatusProcessor(manager, time);
        Instant receivedAt = time.instant();

        CallbackResult early = processor.process(TENANT, parser.parseStatus(statusCallback("SM99999999999999999999999999999999", "sent")));

        assertThat(early.outcome()).isEqualTo(CallbackResult.Outcome.UNKNOWN);
        assertThat(processor.worthRetrying(early, receivedAt)).isTrue();
        time.advance(TwilioStatusProcessor.UNKNOWN_SID_PATIENCE);
        assertThat(processor.worthRetrying(early, receivedAt)).isFalse();
    }

    @Test
    void aCallbackWithTwiliosUnsubscribedErrorOptsTheRecipientOut() {
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));
        Map<String, String> failed = new HashMap<>(statusCallback(reply.providerMessageId(), "failed"));
        failed.put("ErrorCode", "21610");

        assertThat(applyStatus(failed).applied()).isTrue();

        assertThat(manager.getConversation(TENANT, reply.conversationId()).contact().isOptedOut(ChannelId.SMS)).isTrue();
    }

    @Test
    void undeliveredCallbackRecordsTwilioErrorCode() {
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));
        Map<String, String> undelivered = new HashMap<>(statusCallback(reply.providerMessageId(), "undelivered"));
        undelivered.put("ErrorCode", "30003");

        applyStatus(undelivered);

        assertThat(List.of(current(reply).status(), current(reply).errorCode()))
                .containsExactly(DeliveryStatus.UNDELIVERED, "30003");
    }

    @Test
    void whatsAppStatusCallbackFindsTheWhatsAppReply() {
        Message reply = sentWhatsAppReply();
        Map<String, String> delivered = new HashMap<>(statusCallback(reply.providerMessageId(), "delivered"));
        delivered.put("From", "whatsapp:" + OUR_NUMBER);
        delivered.put("To", "whatsapp:" + CUSTOMER);

        applyStatus(delivered);

        assertThat(List.of(current(reply).channel(), current(reply).status()))
                .containsExactly(ChannelId.WHATSAPP, DeliveryStatus.DELIVERED);
    }

    @Test
    void statusCallbackWithoutAddressesFindsTheWhatsAppReply() {
        Message reply = sentWhatsAppReply();
        Map<String, String> delivered = new HashMap<>(statusCallback(reply.providerMessageId(), "delivered"));
        delivered.remove("From");
        delivered.remove("To");

        applyStatus(delivered);

        assertThat(current(reply).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void unsubscribedRecipientFailsTheReplyWithTwilioCode() {
        twilio.error(400, 21610, "Attempt to send to unsubscribed recipient");

        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        assertThat(List.of(reply.status(), reply.errorCode())).containsExactly(DeliveryStatus.FAILED, "21610");
    }

    @Test
    void unsubscribedRecipientIsOptedOutOfSms() {
        twilio.error(400, 21610, "Attempt to send to unsubscribed recipient");

        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        assertThat(manager.getConversation(TENANT, reply.conversationId()).contact().isOptedOut(ChannelId.SMS)).isTrue();
    }

    @Test
    void furtherRepliesToAnUnsubscribedRecipientAreRefused() {
        twilio.error(400, 21610, "Attempt to send to unsubscribed recipient");
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        NonRetriableMessagingException e = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> manager.reply(TENANT, reply.conversationId(), "Are you there?", "staff"));

        assertThat(e.code()).isEqualTo(ErrorCode.RECIPIENT_OPTED_OUT);
    }

    @Test
    void unavailableTwilioLeavesTheReplyQueuedForTheOutboxRetry() {
        twilio.answer(503, Map.of("Retry-After", "30"), "");

        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));

        assertThat(reply.status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void outboxRetrySendsTheReplyWithOneRequestPerAttempt() {
        twilio.answer(503, Map.of("Retry-After", "30"), "");
        Message reply = sentReply(inboundSms("SM11111111111111111111111111111111", "Hi"));
        time.advance(Duration.ofMinutes(10));

        manager.deliverDue();

        assertThat(current(reply).status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(twilio.requests()).hasSize(2);
    }

    @Test
    void aStatusCallbackWithOurIdConfirmsASendWhoseWorkerStoppedAndNothingIsSentAgain() {
        try (MessageManager stopping = managerWhoseWorkerStopsOnceTwilioTookTheMessage()) {
            Message reply = replyWhileTheWorkerStops(stopping);
            RecordedRequest send = twilio.onlyRequest();
            String sid = twilio.listed().get(0).sid();
            String query = send.field("StatusCallback").substring(send.field("StatusCallback").indexOf('?') + 1);

            TwilioStatusCallback callback = parser.parseStatus(statusCallback(sid, "delivered"), query);
            new TwilioStatusProcessor(stopping, time).process(TENANT, callback);
            time.advance(LEASE.plus(GRACE));
            stopping.deliverDue();

            assertThat(callback.messageId()).isEqualTo(reply.id());
            assertThat(stopping.getMessage(TENANT, reply.id())).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.DELIVERED, sid);
            assertThat(twilio.requests()).as("no second send, no lookup").hasSize(1);
        }
    }

    @Test
    void aSendWhoseWorkerStoppedIsFoundInTwilioListAndNotSentAgain() {
        try (MessageManager stopping = managerWhoseWorkerStopsOnceTwilioTookTheMessage()) {
            Message reply = replyWhileTheWorkerStops(stopping);
            String sid = twilio.listed().get(0).sid();

            time.advance(LEASE.plus(GRACE));
            stopping.deliverDue();

            assertThat(twilio.requests("POST")).hasSize(1);
            assertThat(twilio.requests("GET")).hasSize(1);
            assertThat(stopping.getMessage(TENANT, reply.id())).extracting(Message::status, Message::providerMessageId)
                    .containsExactly(DeliveryStatus.SENT, sid);
        }
    }

    /** A manager whose delivery worker stops right after the next send reached Twilio, before it stored the answer. */
    private MessageManager managerWhoseWorkerStopsOnceTwilioTookTheMessage() {
        return MessageManager.builder().clock(time).deliveryLease(LEASE).inDoubtGrace(GRACE)
                .channel(new StopsOnceAfterSending(TwilioChannel.builder(settings).clock(time).sleeper(time).build()))
                .build();
    }

    private Message replyWhileTheWorkerStops(MessageManager stopping) {
        ReceiveResult received = stopping.receive(parser.parseInbound(TENANT, inboundSms("SM11111111111111111111111111111111", "Hi")));
        Message reply = stopping.reply(TENANT, received.conversation().id(), "See you Tuesday at 3 pm", "staff");
        assertThatThrownBy(stopping::deliverDue).isInstanceOf(WorkerStopped.class);
        return reply;
    }

    /** Thrown out of a send as if the worker's process died there. */
    private static final class WorkerStopped extends Error {
        WorkerStopped() {
            super("the delivery worker stopped");
        }
    }

    /** Twilio's channel, except that the worker stops after the first send reached Twilio. */
    private static final class StopsOnceAfterSending implements Channel {
        private final TwilioChannel twilio;
        private final AtomicBoolean stopped = new AtomicBoolean();

        StopsOnceAfterSending(TwilioChannel twilio) {
            this.twilio = twilio;
        }

        @Override
        public ChannelId id() {
            return twilio.id();
        }

        @Override
        public ChannelCapabilities capabilities() {
            return twilio.capabilities();
        }

        @Override
        public SendResult send(OutboundDelivery delivery) {
            SendResult result = twilio.send(delivery);
            if (stopped.compareAndSet(false, true)) {
                throw new WorkerStopped();
            }
            return result;
        }

        @Override
        public SendLookup lookUpEarlierSend(OutboundDelivery delivery, Instant since) {
            return twilio.lookUpEarlierSend(delivery, since);
        }
    }
}
