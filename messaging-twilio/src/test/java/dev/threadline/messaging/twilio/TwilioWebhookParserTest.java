package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Twilio's inbound and status webhook forms, as documented, parsed into Threadline's types. */
class TwilioWebhookParserTest {

    private static final String SID = "SM9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private final TwilioWebhookParser parser = new TwilioWebhookParser();

    /** An inbound SMS form as Twilio posts it. */
    static Map<String, String> inboundSms(String sid, String body) {
        Map<String, String> form = new HashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", "+14155550100");
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("From", "+14155550123");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** A status callback form as Twilio posts it. */
    static Map<String, String> statusCallback(String sid, String status) {
        Map<String, String> form = new HashMap<>();
        form.put("SmsSid", sid);
        form.put("SmsStatus", status);
        form.put("MessageStatus", status);
        form.put("To", "+14155550123");
        form.put("MessageSid", sid);
        form.put("AccountSid", "AC00000000000000000000000000000001");
        form.put("From", "+14155550100");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private static Map<String, String> with(Map<String, String> form, String... pairs) {
        Map<String, String> copy = new HashMap<>(form);
        for (int i = 0; i < pairs.length; i += 2) {
            copy.put(pairs[i], pairs[i + 1]);
        }
        return copy;
    }

    private static NonRetriableMessagingException validationError(Runnable parse) {
        NonRetriableMessagingException e = catchThrowableOfType(NonRetriableMessagingException.class, parse::run);
        assertThat(e).as("parsing should fail").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return e;
    }

    @Test
    void inboundSmsBecomesInboundMessageKeyedByMessageSid() {
        InboundMessage parsed = parser.parseInbound("acme", inboundSms(SID, "Can I book for Tuesday?"));

        assertThat(parsed).isEqualTo(InboundMessage.builder("acme", ChannelId.SMS)
                .providerMessageId(SID)
                .customerPhone("+14155550123")
                .ourAddress("+14155550100")
                .body("Can I book for Tuesday?")
                .build());
    }

    @Test
    void inboundWhatsAppIsOnWhatsAppWithBareNumbersAndProfileName() {
        Map<String, String> form = with(inboundSms(SID, "Hola"),
                "From", "whatsapp:+14155550123", "To", "whatsapp:+14155550100", "ProfileName", "Ana", "WaId", "14155550123");

        InboundMessage parsed = parser.parseInbound("acme", form);

        assertThat(parsed).isEqualTo(InboundMessage.builder("acme", ChannelId.WHATSAPP)
                .providerMessageId(SID)
                .customerPhone("+14155550123")
                .customerName("Ana")
                .ourAddress("+14155550100")
                .body("Hola")
                .build());
    }

    @Test
    void inboundMmsCarriesMediaUrlsAndTheirContentTypes() {
        Map<String, String> form = with(inboundSms(SID, ""), "NumMedia", "2",
                "MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "MediaContentType0", "image/jpeg",
                "MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2",
                "MediaContentType1", "application/pdf");

        InboundMessage parsed = parser.parseInbound("acme", form);

        assertThat(parsed.mediaUrls()).containsExactly(
                "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2");
        assertThat(parsed.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "media_content_type_0", "image/jpeg", "media_content_type_1", "application/pdf"));
    }

    @Test
    void inboundWithoutMessageSidNamesTheParameter() {
        Map<String, String> form = inboundSms(SID, "Hi");
        form.remove("MessageSid");

        assertThat(validationError(() -> parser.parseInbound("acme", form)).field()).isEqualTo("MessageSid");
    }

    @Test
    void inboundMissingAnAnnouncedMediaUrlNamesIt() {
        Map<String, String> form = with(inboundSms(SID, ""), "NumMedia", "2", "MediaUrl0", "https://example.com/a.jpg");

        assertThat(validationError(() -> parser.parseInbound("acme", form)).field()).isEqualTo("MediaUrl1");
    }

    @Test
    void inboundWithMalformedNumMediaNamesIt() {
        Map<String, String> form = with(inboundSms(SID, "Hi"), "NumMedia", "two");

        assertThat(validationError(() -> parser.parseInbound("acme", form)).field()).isEqualTo("NumMedia");
    }

    @Test
    void inboundNumbersArePassedOnForTheManagerToNormalizeOnce() {
        Map<String, String> form = with(inboundSms(SID, "Hi"), "From", "whatsapp:+1 (415) 555-0123");

        assertThat(parser.parseInbound("acme", form).customerPhone()).isEqualTo("+1 (415) 555-0123");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "queued, SENDING", "accepted, SENDING", "scheduled, SENDING", "sending, SENDING", "sent, SENT",
            "delivered, DELIVERED", "undelivered, UNDELIVERED", "failed, FAILED", "read, READ", "canceled, CANCELED"})
    void statusCallbackMapsTwilioStatus(String twilioStatus, DeliveryStatus expected) {
        assertThat(parser.parseStatus(statusCallback(SID, twilioStatus)).status()).isEqualTo(expected);
    }

    @Test
    void statusCallbackCarriesSidAddressesAndError() {
        Map<String, String> form = with(statusCallback(SID, "undelivered"), "ErrorCode", "30003", "ErrorMessage", "Unreachable destination handset");

        TwilioStatusCallback callback = parser.parseStatus(form);

        assertThat(callback).isEqualTo(new TwilioStatusCallback(SID, ChannelId.SMS, DeliveryStatus.UNDELIVERED, "30003",
                "Unreachable destination handset", "+14155550100", "+14155550123", null));
    }

    @Test
    void statusCallbackForWhatsAppIsOnWhatsApp() {
        Map<String, String> form = with(statusCallback(SID, "read"), "From", "whatsapp:+14155550100", "To", "whatsapp:+14155550123");

        TwilioStatusCallback callback = parser.parseStatus(form);

        assertThat(List.of(callback.channel(), callback.from(), callback.to()))
                .containsExactly(ChannelId.WHATSAPP, "+14155550100", "+14155550123");
    }

    @Test
    void statusCallbackWithoutAddressesHasNoChannelOrAddresses() {
        Map<String, String> form = statusCallback(SID, "delivered");
        form.remove("From");
        form.remove("To");

        TwilioStatusCallback callback = parser.parseStatus(form);

        assertThat(callback).isEqualTo(new TwilioStatusCallback(SID, null, DeliveryStatus.DELIVERED, null, null, null, null, null));
    }

    @Test
    void statusCallbackWithOnlyAWhatsAppRecipientIsOnWhatsApp() {
        Map<String, String> form = with(statusCallback(SID, "read"), "To", "whatsapp:+14155550123");
        form.remove("From");

        assertThat(parser.parseStatus(form).channel()).isEqualTo(ChannelId.WHATSAPP);
    }

    @Test
    void statusCallbackOfUnknownChannelMayBeOnSmsThenWhatsApp() {
        Map<String, String> form = statusCallback(SID, "delivered");
        form.remove("From");
        form.remove("To");

        assertThat(parser.parseStatus(form).possibleChannels()).containsExactly(ChannelId.SMS, ChannelId.WHATSAPP);
    }

    @Test
    void statusCallbackOfKnownChannelIsOnlyOnThatChannel() {
        assertThat(parser.parseStatus(statusCallback(SID, "delivered")).possibleChannels()).containsExactly(ChannelId.SMS);
    }

    @Test
    void statusCallbackBecomesDeliveryUpdateWithTheSidAndTwilioError() {
        TwilioStatusCallback callback = parser.parseStatus(with(statusCallback(SID, "failed"), "ErrorCode", "30007"));

        assertThat(callback.toUpdate(AT)).isEqualTo(new DeliveryUpdate(DeliveryStatus.FAILED, AT, SID, "30007", null));
    }

    @Test
    void statusCallbackCarriesOurMessageIdFromTheCallbackUrlsQuery() {
        TwilioStatusCallback callback = parser.parseStatus(statusCallback(SID, "sent"), "message_id=01JD3Q%2B7Z");

        assertThat(callback.messageId()).isEqualTo("01JD3Q+7Z");
    }

    @Test
    void statusCallbackWithoutOurMessageIdHasNone() {
        assertThat(parser.parseStatus(statusCallback(SID, "sent"), null).messageId()).isNull();
        assertThat(parser.parseStatus(statusCallback(SID, "sent"), "other=1").messageId()).isNull();
    }

    @Test
    void storedStatusCallbackCarriesOurMessageIdAmongItsFields() {
        TwilioStatusCallback callback = parser.parseStatus(with(statusCallback(SID, "sent"), TwilioSettings.MESSAGE_ID_PARAMETER, "msg-7"));

        assertThat(callback.messageId()).isEqualTo("msg-7");
    }

    @Test
    void aMessageIdThatIsNotUrlEncodedIsAValidationErrorOnIt() {
        NonRetriableMessagingException e = validationError(() -> parser.parseStatus(statusCallback(SID, "sent"), "message_id=%zz"));

        assertThat(e.field()).isEqualTo(TwilioSettings.MESSAGE_ID_PARAMETER);
    }

    @Test
    void statusCallbackWithError21610ReportsTheRecipientOptedOut() {
        TwilioStatusCallback callback = parser.parseStatus(with(statusCallback(SID, "failed"), "ErrorCode", "21610"));

        assertThat(callback.recipientOptedOut()).isTrue();
    }

    @Test
    void statusCallbackWithOtherErrorDoesNotOptOut() {
        TwilioStatusCallback callback = parser.parseStatus(with(statusCallback(SID, "undelivered"), "ErrorCode", "30003"));

        assertThat(callback.recipientOptedOut()).isFalse();
    }

    @Test
    void unknownStatusIsAValidationErrorOnMessageStatus() {
        NonRetriableMessagingException e = validationError(() -> parser.parseStatus(statusCallback(SID, "teleported")));

        assertThat(e.field()).isEqualTo("MessageStatus");
        assertThat(e.getMessage()).contains("teleported", "delivered");
    }

    @Test
    void statusCallbackWithoutMessageSidNamesTheParameter() {
        Map<String, String> form = statusCallback(SID, "sent");
        form.remove("MessageSid");

        assertThat(validationError(() -> parser.parseStatus(form)).field()).isEqualTo("MessageSid");
    }
}
