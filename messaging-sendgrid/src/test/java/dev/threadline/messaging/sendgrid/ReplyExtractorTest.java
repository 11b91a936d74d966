package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.sendgrid.internal.ExtractedReply;
import dev.threadline.messaging.sendgrid.internal.ReplyExtractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyExtractorTest {

    @Test
    void gmailReplyLosesTheQuoteUnderOnWrote() {
        String text = """
                Thursday at 3pm works for me.

                Ana

                On Mon, Nov 16, 2026 at 10:02 AM Acme Clinic <hello@acme.test> wrote:

                > Hi Ana, we have openings on Thursday.
                > Which time suits you?
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Thursday at 3pm works for me.\n\nAna");
    }

    @Test
    void headerWithoutOpeningWordWrappedRightUnderTheReplyStartsWhereItsDateIs() {
        String text = """
                Hello
                02.04.2012 14:20 пользователь "Acme" <
                hello@acme.test> написал:

                > Hi
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Hello");
    }

    @Test
    void answerRightUnderAShortQuotedLineIsNoContinuationOfIt() {
        String text = """
                On 04/02/2026 06:26 PM, Acme wrote:
                > Hi
                Hello
                """;

        ExtractedReply parts = ReplyExtractor.extract(text);

        assertThat(parts.reply()).isEqualTo("Hello");
        assertThat(parts.quoted()).isEqualTo("On 04/02/2026 06:26 PM, Acme wrote:\n> Hi");
    }

    @Test
    void lineRightUnderALongQuotedLineContinuesIt() {
        String text = """
                Sure.

                On 04/02/2026 06:26 PM, Acme wrote:
                > We could also move your appointment to Friday morning if that suits
                you better.
                """;

        ExtractedReply parts = ReplyExtractor.extract(text);

        assertThat(parts.reply()).isEqualTo("Sure.");
        assertThat(parts.quoted()).endsWith("suits\nyou better.");
    }

    @Test
    void blankLinesLeftWhereAQuoteIsFoldedAwayGoWithIt() {
        String text = """
                Yes, Thursday.

                On Mon, Nov 16, 2026 at 10:02 AM Acme <hello@acme.test> wrote:

                > Which day suits you?

                Ana
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Yes, Thursday.\n\nAna");
    }

    @Test
    void headerGluedToTheLastReplyLineIsCutFromIt() {
        String text = """
                See you then--- On Mon, Nov 16, 2026 at 10:02 AM, hello@acme.test wrote:
                > Thursday at 3pm?
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("See you then");
    }

    @Test
    void arrowsAroundALinkAreNoQuote() {
        String text = """
                Our new prices:
                >>> https://acme.test/prices <<<
                See you soon
                """;

        assertThat(ReplyExtractor.extract(text).quoted()).isEmpty();
    }

    @Test
    void onWroteWrappedOverTwoLinesIsRecognised() {
        String text = """
                Yes please.

                On Mon, Nov 16, 2026 at 10:02 AM Acme Clinic Front Desk Team <
                hello@acme.test> wrote:
                > Shall we book you in?
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Yes please.");
    }

    @Test
    void outlookReplyLosesTheHeaderBlockAndEverythingBelow() {
        String text = """
                Thanks, see you then.\r
                \r
                Ben\r
                \r
                ________________________________\r
                From: Acme Clinic <hello@acme.test>\r
                Sent: Monday, November 16, 2026 10:02 AM\r
                To: Ben Ortiz <ben@contoso.example>\r
                Subject: Your booking\r
                \r
                Hi Ben, your appointment is confirmed.\r
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Thanks, see you then.\n\nBen");
    }

    @Test
    void originalMessageSeparatorEndsTheReply() {
        String text = """
                Please cancel it.

                -----Original Message-----
                From: hello@acme.test
                Your appointment is tomorrow.
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Please cancel it.");
    }

    @Test
    void inlineAnswersKeepTheCustomersLinesBetweenQuotes() {
        String text = """
                > Which day suits you?
                Friday.
                > Morning or afternoon?
                Morning.
                """;

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Friday.\nMorning.");
    }

    @Test
    void mailWithoutQuoteIsKept() {
        String text = "From: the front desk I heard you moved.\nIs that right?";

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo(text);
    }

    @Test
    void quotedPartAndSignatureAreKeptApart() {
        String text = "Yes, Friday.\n\n-- \nAna Silva\n\nOn Mon, Nov 16, 2026 at 10:02 AM Acme <hello@acme.test> wrote:\n"
                + "> Which day suits you?\n";

        assertThat(ReplyExtractor.extract(text)).isEqualTo(new ExtractedReply("Yes, Friday.", "On Mon, Nov 16, 2026 at "
                + "10:02 AM Acme <hello@acme.test> wrote:\n> Which day suits you?", "-- \nAna Silva"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le lun. 16 nov. 2026 à 10:02, Acme <hello@acme.test> a écrit :",
        "Am Mo., 16. Nov. 2026 um 10:02 Uhr schrieb Acme <hello@acme.test>:",
        "El lun, 16 nov 2026 a las 10:02, Acme (<hello@acme.test>) escribió:",
        "пн, 16 нояб. 2026 г. в 10:02, Acme <hello@acme.test>:",
        "16.11.2026, 10:02, Acme написал:",
        "W dniu 16.11.2026 o 10:02, Acme <hello@acme.test> napisał:",
        "Op ma 16 nov. 2026 om 10:02 schreef Acme <hello@acme.test>:",
        "Den mån 16 nov. 2026 kl 10:02 skrev Acme <hello@acme.test>:",
        "пн, 16 лист. 2026 о 10:02 Acme <hello@acme.test> написав:",
        "Il giorno lun 16 nov 2026 alle ore 10:02 Acme <hello@acme.test> ha scritto:",
        "Em seg., 16 de nov. de 2026 às 10:02, Acme <hello@acme.test> escreveu:",
        "Le lun. 16 nov. 2026 à 10:02, Acme Clinic Front Desk Team <\nhello@acme.test> a\nécrit :"
    })
    void onWroteIsRecognisedInEveryLanguage(String header) {
        String text = "Merci, jeudi.\r\n\r\n" + header.replace("\n", "\r\n") + "\r\n> Quel jour ?\r\n";

        ExtractedReply extracted = ReplyExtractor.extract(text);

        assertThat(extracted.reply()).isEqualTo("Merci, jeudi.");
        assertThat(extracted.quoted()).endsWith("> Quel jour ?");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "De : Acme <hello@acme.test>\nEnvoyé : lundi 16 novembre 2026 10:02\nÀ : Ana\nObjet : RDV",
        "Von: Acme <hello@acme.test>\nGesendet: Montag, 16. November 2026 10:02\nAn: Ana\nBetreff: Termin",
        "Van: Acme <hello@acme.test>\nVerzonden: maandag 16 november 2026 10:02\nAan: Ana",
        "Från: Acme <hello@acme.test>\nSkickat: den 16 november 2026 10:02\nTill: Ana",
        "Od: Acme <hello@acme.test>\nWysłano: poniedziałek, 16 listopada 2026 10:02\nDo: Ana",
        "Da: Acme <hello@acme.test>\nInviato: lunedì 16 novembre 2026 10:02\nA: Ana",
        "De: Acme <hello@acme.test>\nEnviado: lunes, 16 de noviembre de 2026 10:02\nPara: Ana",
        "От: Acme <hello@acme.test>\nОтправлено: 16 ноября 2026 г. 10:02\nКому: Ana",
        "-----Ursprüngliche Nachricht-----\nVon: hello@acme.test",
        "-----Message d'origine-----\nDe : hello@acme.test",
        "________________________________\nFrom: Acme <hello@acme.test>\nSent: Monday, November 16, 2026 10:02 AM"
    })
    void outlookBlocksAreRecognisedInEveryLanguage(String block) {
        String text = "Thursday works.\n\n" + block + "\n\nYour appointment is confirmed.\n> old\n";

        ExtractedReply extracted = ReplyExtractor.extract(text);

        assertThat(extracted.reply()).isEqualTo("Thursday works.");
        assertThat(extracted.quoted()).endsWith("Your appointment is confirmed.\n> old");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sent from my iPhone", "Envoyé de mon iPhone", "Von meinem iPhone gesendet",
        "Enviado desde mi iPhone", "Inviato da iPhone", "Verzonden vanaf mijn iPhone", "Skickat från min iPhone",
        "Wysłane z iPhone'a", "Отправлено с iPhone", "Get Outlook for Android"})
    void mobileSignaturesAreKeptApart(String signature) {
        ExtractedReply extracted = ReplyExtractor.extract("See you Thursday.\n\n" + signature + "\n");

        assertThat(extracted.reply()).isEqualTo("See you Thursday.");
        assertThat(extracted.signature()).isEqualTo(signature);
    }

    @ParameterizedTest
    @ValueSource(strings = {"---------- Forwarded message ---------", "---------- Message transféré ---------",
        "---------- Weitergeleitete Nachricht ----------", "---------- Mensaje reenviado ----------",
        "---------- Пересылаемое сообщение ----------", "Begin forwarded message:"})
    void forwardKeepsTheNoteAboveAndTheForwardedMailApart(String separator) {
        String text = "Could you look at this bill?\n\n" + separator + "\nFrom: Billing <bill@shop.test>\n"
                + "Date: Mon, Nov 16, 2026\nSubject: Invoice\n\nYou owe 20 EUR.\n";

        ExtractedReply extracted = ReplyExtractor.extract(text);

        assertThat(extracted.reply()).isEqualTo("Could you look at this bill?");
        assertThat(extracted.quoted()).startsWith(separator).endsWith("You owe 20 EUR.");
    }

    @Test
    void bottomPostedAnswerUnderTheQuoteIsTheReply() {
        String text = "On Mon, Nov 16, 2026 at 10:02 AM Acme <hello@acme.test> wrote:\n> Which day suits you?\n\n"
                + "Friday, please.\n";

        assertThat(ReplyExtractor.extract(text).reply()).isEqualTo("Friday, please.");
    }
}
