package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.sendgrid.internal.QuotedTextTrimmer;
import org.junit.jupiter.api.Test;

class QuotedTextTrimmerTest {

    @Test
    void gmailReplyLosesTheQuoteUnderOnWrote() {
        String text = """
                Thursday at 3pm works for me.

                Ana

                On Mon, Nov 16, 2026 at 10:02 AM Acme Clinic <hello@acme.test> wrote:

                > Hi Ana, we have openings on Thursday.
                > Which time suits you?
                """;

        assertThat(QuotedTextTrimmer.trim(text)).isEqualTo("Thursday at 3pm works for me.\n\nAna");
    }

    @Test
    void onWroteWrappedOverTwoLinesIsRecognised() {
        String text = """
                Yes please.

                On Mon, Nov 16, 2026 at 10:02 AM Acme Clinic Front Desk Team <
                hello@acme.test> wrote:
                > Shall we book you in?
                """;

        assertThat(QuotedTextTrimmer.trim(text)).isEqualTo("Yes please.");
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

        assertThat(QuotedTextTrimmer.trim(text)).isEqualTo("Thanks, see you then.\n\nBen");
    }

    @Test
    void originalMessageSeparatorEndsTheReply() {
        String text = """
                Please cancel it.

                -----Original Message-----
                From: hello@acme.test
                Your appointment is tomorrow.
                """;

        assertThat(QuotedTextTrimmer.trim(text)).isEqualTo("Please cancel it.");
    }

    @Test
    void inlineAnswersKeepTheCustomersLinesBetweenQuotes() {
        String text = """
                > Which day suits you?
                Friday.
                > Morning or afternoon?
                Morning.
                """;

        assertThat(QuotedTextTrimmer.trim(text)).isEqualTo("Friday.\nMorning.");
    }

    @Test
    void mailWithoutQuoteIsKept() {
        String text = "From: the front desk I heard you moved.\nIs that right?";

        assertThat(QuotedTextTrimmer.trim(text)).isEqualTo(text);
    }
}
