package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendGridInboundParserTest {

    private static final String OUR_MAIL = "<0190f3a1-0000-7000-8000-000000000002@acme.test>";

    private final SendGridInboundParser parser = new SendGridInboundParser();

    @Test
    void theHeadersReachTheManagerByLowerCaseNameSoAnOutOfOfficeReplyIsRecognized() {
        Map<String, String> fields = new java.util.LinkedHashMap<>(InboundPosts.outlookNewMail("<oof@contoso.example>",
                "Automatic reply: Your booking", "I am out of the office until Monday."));
        fields.put("headers", "From: \"Ortiz, Ben\" <Ben.Ortiz@contoso.example>\nMessage-ID: <oof@contoso.example>\n"
                + "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\nSubject: Automatic reply: Your booking\n");

        InboundMessage message = parser.parse("acme", fields);

        assertThat(message.headers()).containsEntry("auto-submitted", "auto-replied")
                .containsEntry("x-auto-response-suppress", "All")
                .containsEntry("message-id", "<oof@contoso.example>");
    }

    @Test
    void senderNameAndAddressComeFromTheFromField() {
        InboundMessage message = parser.parse("acme", InboundPosts.outlookNewMail("<a@b.example>", "Hi", "Hello"));

        assertThat(List.of(message.channel(), message.customerName(), message.customerEmail()))
                .containsExactly(ChannelId.EMAIL, "Ortiz, Ben", "Ben.Ortiz@contoso.example");
    }

    @Test
    void recipientIsOurAddress() {
        InboundMessage message = parser.parse("acme", InboundPosts.outlookNewMail("<a@b.example>", "Hi", "Hello"));

        assertThat(message.ourAddress()).isEqualTo(InboundPosts.OUR_PARSE_ADDRESS);
    }

    @Test
    void messageIdIsTheThreadRefAndTheProviderId() {
        InboundMessage message = parser.parse("acme", InboundPosts.gmailReply("<CAF=nZ8s+5YpQ@mail.gmail.com>", OUR_MAIL, "Re: Your booking"));

        assertThat(List.of(message.threadRef(), message.providerMessageId()))
                .containsExactly("<CAF=nZ8s+5YpQ@mail.gmail.com>", "<CAF=nZ8s+5YpQ@mail.gmail.com>");
    }

    @Test
    void inReplyToComesFirstThenFoldedReferencesNewestFirst() {
        InboundMessage message = parser.parse("acme", InboundPosts.gmailReply("<reply@mail.gmail.com>", OUR_MAIL, "Re: Your booking"));

        assertThat(message.references()).containsExactly(OUR_MAIL, "<first-ask@mail.gmail.com>");
    }

    @Test
    void gmailQuoteIsTrimmedFromTheBody() {
        InboundMessage message = parser.parse("acme", InboundPosts.gmailReply("<reply@mail.gmail.com>", OUR_MAIL, "Re: Your booking"));

        assertThat(message.body()).isEqualTo("Thursday at 3pm works for me.\n\nAna");
    }

    @Test
    void untrimmedTextIsKeptInMetadata() {
        InboundMessage message = parser.parse("acme", InboundPosts.gmailReply("<reply@mail.gmail.com>", OUR_MAIL, "Re: Your booking"));

        assertThat(message.metadata().get(SendGridInboundParser.RAW_TEXT))
                .startsWith("Thursday at 3pm works for me.")
                .endsWith("> Which time suits you?");
    }

    @Test
    void quotedMailIsKeptInMetadata() {
        InboundMessage message = parser.parse("acme", InboundPosts.gmailReply("<reply@mail.gmail.com>", OUR_MAIL, "Re: Your booking"));

        assertThat(message.metadata().get(SendGridInboundParser.QUOTED_TEXT))
                .startsWith("On Mon, Nov 16, 2026")
                .endsWith("> Which time suits you?");
    }

    @Test
    void signatureIsKeptInMetadataApartFromTheBody() {
        InboundMessage message = parser.parse("acme", InboundPosts.outlookNewMail("<a@b.example>", "Hi",
                "Is Thursday free?\n\nSent from my iPhone"));

        assertThat(List.of(message.body(), message.metadata().get(SendGridInboundParser.SIGNATURE)))
                .containsExactly("Is Thursday free?", "Sent from my iPhone");
    }

    @Test
    void htmlOnlyMailKeepsItsQuoteInMetadata() {
        Map<String, String> fields = InboundPosts.gmailReply("<reply@mail.gmail.com>", OUR_MAIL, "Re: Your booking");
        fields.put("text", "");

        InboundMessage message = parser.parse("acme", fields);

        assertThat(message.metadata().get(SendGridInboundParser.QUOTED_TEXT)).contains("Which time suits you?");
    }

    @Test
    void outlookQuoteIsTrimmedFromTheBody() {
        InboundMessage message = parser.parse("acme", InboundPosts.outlookReply("<AM6PR05MB6312@contoso.example>", "RE: Your booking"));

        assertThat(message.body()).isEqualTo("Thanks, see you then.\n\nBen");
    }

    @Test
    void htmlOnlyMailIsReadAsTextWithoutItsQuote() {
        Map<String, String> fields = InboundPosts.gmailReply("<reply@mail.gmail.com>", OUR_MAIL, "Re: Your booking");
        fields.put("text", "");

        InboundMessage message = parser.parse("acme", fields);

        assertThat(message.body()).isEqualTo("Thursday at 3pm works for me.\n\nAna");
    }

    @Test
    void htmlEntitiesAndBreaksBecomeText() {
        Map<String, String> fields = InboundPosts.outlookNewMail("<a@b.example>", "Prices", "");
        fields.put("html", "<html><head><style>p{color:red}</style></head><body><p>Botox &amp; fillers?</p><p>Line one<br>Line two</p></body></html>");

        InboundMessage message = parser.parse("acme", fields);

        assertThat(message.body()).isEqualTo("Botox & fillers?\nLine one\nLine two");
    }

    @Test
    void attachmentsAnnouncedWithoutTheirFilesAreDescribedByNameAndType() {
        Map<String, String> fields = InboundPosts.outlookNewMail("<a@b.example>", "Forms", "Both forms attached.");
        fields.put("attachments", "2");
        fields.put("attachment-info", "{\"attachment1\":{\"filename\":\"consent.pdf\",\"name\":\"consent.pdf\",\"type\":\"application/pdf\"},"
                + "\"attachment2\":{\"filename\":\"photo.jpg\",\"name\":\"photo.jpg\",\"type\":\"image/jpeg\",\"content-id\":\"ii_lx1\"}}");

        InboundMessage message = parser.parse("acme", fields);

        assertThat(message.metadata()).containsEntry(SendGridInboundParser.ATTACHMENTS,
                "[{\"name\":\"consent.pdf\",\"content_type\":\"application/pdf\"},"
                        + "{\"name\":\"photo.jpg\",\"content_type\":\"image/jpeg\"}]");
        assertThat(message.mediaUrls()).isEmpty();
    }

    @Test
    void encodedWordSubjectIsDecoded() {
        Map<String, String> fields = InboundPosts.outlookNewMail("<a@b.example>", "=?UTF-8?B?UmU6IFLDqXNlcnZhdGlvbg==?=", "Bonjour");

        assertThat(parser.parse("acme", fields).subject()).isEqualTo("Re: Réservation");
    }

    @Test
    void mailWithoutMessageIdGetsTheSameProviderIdWhenPostedAgain() {
        Map<String, String> fields = InboundPosts.outlookNewMail("<a@b.example>", "Hi", "Hello");
        fields.put("headers", "From: Ben.Ortiz@contoso.example\nSubject: Hi\n");

        String first = parser.parse("acme", fields).providerMessageId();
        String again = parser.parse("acme", Map.copyOf(fields)).providerMessageId();

        assertThat(first).startsWith("sha256:").isEqualTo(again);
    }

    @Test
    void missingSenderIsAMalformedRequest() {
        Map<String, String> fields = InboundPosts.outlookNewMail("<a@b.example>", "Hi", "Hello");
        fields.remove("from");

        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> parser.parse("acme", fields));

        assertThat(List.of(failure.code(), failure.field())).containsExactly(ErrorCode.MALFORMED_REQUEST, "from");
    }
}
