package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inbound Parse's raw mode: the whole MIME message in field {@code email}, decoded part by part. */
class SendGridRawInboundTest {

    private final SendGridInboundParser parser = new SendGridInboundParser();

    private InboundMessage receive(MimeMessage mail) {
        return parser.parse("acme", RawMails.post(RawMails.bytes(mail, "<new-mail@example.org>")));
    }

    @Test
    void iso88591QuotedPrintableBodySubjectAndNameAreDecoded() {
        InboundMessage message = receive(RawMails.mail("Anaïs Müller", "Réservation à Zürich",
                "Déjà réservé, merci !\n\nLe lun. 16 nov. 2026 à 10:02, Acme <support@acme.test> a écrit :\n> Voulez-vous réserver ?\n",
                "ISO-8859-1", "quoted-printable"));

        assertThat(List.of(message.customerName(), message.subject(), message.body()))
                .containsExactly("Anaïs Müller", "Réservation à Zürich", "Déjà réservé, merci !");
        assertThat(message.metadata().get(SendGridInboundParser.QUOTED_TEXT)).endsWith("> Voulez-vous réserver ?");
    }

    @Test
    void windows1252Base64BodyKeepsTheCharactersLatin1DoesNotHave() {
        InboundMessage message = receive(RawMails.mail("Ana", "“Price” – 20 €", "The “deluxe” package – 20 € – suits me.",
                "windows-1252", "base64"));

        assertThat(List.of(message.subject(), message.body()))
                .containsExactly("“Price” – 20 €", "The “deluxe” package – 20 € – suits me.");
    }

    @Test
    void iso2022JpBodySubjectAndDisplayNameAreDecoded() {
        InboundMessage message = receive(RawMails.mail("山田 花子", "予約の確認", "木曜日の午後三時でお願いします。\n",
                "ISO-2022-JP", "7bit"));

        assertThat(List.of(message.customerName(), message.subject(), message.body()))
                .containsExactly("山田 花子", "予約の確認", "木曜日の午後三時でお願いします。");
    }

    @Test
    void utf8EightBitBodyAndEncodedWordSubjectAreDecoded() {
        InboundMessage message = receive(RawMails.mail("Zoë", "Grüße 👋", "Grüße aus Köln 👋\n\n-- \nZoë\n",
                "UTF-8", "8bit"));

        assertThat(List.of(message.subject(), message.body(), message.metadata().get(SendGridInboundParser.SIGNATURE)))
                .containsExactly("Grüße 👋", "Grüße aus Köln 👋", "-- \nZoë");
    }

    @Test
    void utf8HeadersWithoutEncodedWordsAreReadAsUtf8() {
        String mail = """
                From: Zoë Brandt <zoe@example.org>
                Subject: Grüße aus Köln
                Message-ID: <utf8-headers@example.org>
                X-Mailer: Почта 2.0
                Content-Type: text/plain; charset=UTF-8
                
                Hallo
                """;

        InboundMessage message = parser.parse("acme", RawMails.post(mail.getBytes(StandardCharsets.UTF_8)));

        assertThat(List.of(message.customerName(), message.subject(), message.headers().get("x-mailer")))
                .containsExactly("Zoë Brandt", "Grüße aus Köln", "Почта 2.0");
    }

    @Test
    void threadingHeadersComeFromTheMail() throws Exception {
        MimeMessage mail = RawMails.mail("Ana", "Re: Your booking", "Thursday works.", "UTF-8", "7bit");
        mail.setHeader("In-Reply-To", "<ours-2@acme.test>");
        mail.setHeader("References", "<ours-1@acme.test>\r\n <ours-2@acme.test>");

        InboundMessage message = parser.parse("acme", RawMails.post(RawMails.bytes(mail, "<reply@example.org>")));

        assertThat(List.of(message.threadRef(), message.providerMessageId())).containsOnly("<reply@example.org>");
        assertThat(message.references()).containsExactly("<ours-2@acme.test>", "<ours-1@acme.test>");
        assertThat(message.ourAddress()).isEqualTo(RawMails.OUR_ADDRESS);
    }

    @Test
    void textPartIsPreferredOverItsHtmlAlternative() {
        String mail = """
                From: Ana <ana@example.org>\r
                To: support@parse.acme.test\r
                Subject: Hi\r
                Message-ID: <alt@example.org>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="b"\r
                \r
                --b\r
                Content-Type: text/html; charset=UTF-8\r
                \r
                <p>HTML words</p>\r
                --b\r
                Content-Type: text/plain; charset=UTF-8\r
                \r
                Plain words\r
                --b--\r
                """;

        InboundMessage message = parser.parse("acme", RawMails.post(mail.getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.body()).isEqualTo("Plain words");
    }

    @Test
    void textSplitAroundAnInlineImageIsJoinedAndTheImageIsAnAttachment() {
        String mail = """
                From: Ana <ana@example.org>
                Subject: Photo
                Message-ID: <split@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"
                
                --m
                Content-Type: text/plain; charset=UTF-8
                
                Here is the rash:
                --m
                Content-Type: image/png
                Content-Disposition: inline
                Content-Transfer-Encoding: base64
                
                iVBORw0KGgo=
                --m
                Content-Type: text/plain; charset=UTF-8
                
                Is it the new cream?
                --m--
                """;

        InboundMessage message = parser.parse("acme", RawMails.post(mail.getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.body()).isEqualTo("Here is the rash:\nIs it the new cream?");
        assertThat(message.metadata().get(SendGridInboundParser.ATTACHMENTS))
                .isEqualTo("[{\"name\":\"attachment-1.png\",\"content_type\":\"image/png\",\"size\":8}]");
    }

    @Test
    void otherRenderingsOfAnAlternativeAreNeitherBodyNorAttachment() {
        String mail = """
                From: Ana <ana@example.org>
                Subject: Offer
                Message-ID: <amp@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="a"
                
                --a
                Content-Type: text/plain; charset=UTF-8
                
                Plain words
                --a
                Content-Type: text/x-amp-html; charset=UTF-8
                
                <html amp4email><body>AMP words</body></html>
                --a
                Content-Type: text/html; charset=UTF-8
                
                <p>HTML words</p>
                --a
                Content-Type: text/plain; charset=UTF-8
                
                Plain words again
                --a--
                """;

        InboundMessage message = parser.parse("acme", RawMails.post(mail.getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.body()).isEqualTo("Plain words");
        assertThat(message.metadata()).doesNotContainKey(SendGridInboundParser.ATTACHMENTS);
    }

    @Test
    void anInvitationWithoutFileNameIsAnAttachment() {
        String mail = """
                From: Ana <ana@example.org>
                Subject: Invitation
                Message-ID: <ics@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"
                
                --m
                Content-Type: text/plain; charset=UTF-8
                
                See you then.
                --m
                Content-Type: text/calendar; method=REQUEST; charset=UTF-8
                
                BEGIN:VCALENDAR
                END:VCALENDAR
                --m--
                """;

        InboundMessage message = parser.parse("acme", RawMails.post(mail.getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.body()).isEqualTo("See you then.");
        assertThat(message.metadata().get(SendGridInboundParser.ATTACHMENTS))
                .contains("\"name\":\"attachment-1.calendar\"", "\"content_type\":\"text/calendar\"");
    }

    @Test
    void htmlOnlyMailIsReadAsTextWithItsGmailQuoteKeptApart() {
        String mail = """
                From: Ana <ana@example.org>\r
                Subject: Re: Hi\r
                Message-ID: <html-only@example.org>\r
                MIME-Version: 1.0\r
                Content-Type: text/html; charset=ISO-8859-1\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                <div>Jeudi =E0 15h, c'est parfait.</div><div class=3D"gmail_quote">On Mon, Acme wrote:<blockquote>Quel jour ?</blockquote></div>\r
                """;

        InboundMessage message = parser.parse("acme", RawMails.post(mail.getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.body()).isEqualTo("Jeudi à 15h, c'est parfait.");
        assertThat(message.metadata().get(SendGridInboundParser.QUOTED_TEXT)).contains("Quel jour ?");
    }

    @Test
    void mailWithoutMessageIdGetsTheSameProviderIdWhenPostedAgain() {
        MimeMessage mail = RawMails.mail("Ana", "Hi", "Hello", "UTF-8", "7bit");
        byte[] bytes = RawMails.bytes(mail, "<x@example.org>");
        String withoutId = new String(bytes, StandardCharsets.ISO_8859_1).replace("Message-ID: <x@example.org>\r\n", "");

        String first = parser.parse("acme", RawMails.post(withoutId.getBytes(StandardCharsets.ISO_8859_1))).providerMessageId();
        String again = parser.parse("acme", RawMails.post(withoutId.getBytes(StandardCharsets.ISO_8859_1))).providerMessageId();

        assertThat(first).startsWith("sha256:").isEqualTo(again);
    }

    @Test
    void mailWithoutSenderIsAMalformedRawMessage() {
        String mail = "To: support@parse.acme.test\r\nSubject: Hi\r\n\r\nHello\r\n";

        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> parser.validate(RawMails.post(mail.getBytes(StandardCharsets.US_ASCII))));

        assertThat(List.of(failure.code(), failure.field())).containsExactly(ErrorCode.MALFORMED_REQUEST, "email");
    }
}
