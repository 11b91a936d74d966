package dev.threadline.messaging.sendgrid.internal;

import org.jspecify.annotations.Nullable;

/**
 * A mail's text and HTML parts read the way a mail client shows them: the text part when there is one, else the
 * HTML part as text. Parsed and raw Inbound Parse posts go through here, so both read a mail alike.
 */
public final class MailBody {

    private MailBody() {
    }

    /** The whole readable text, quotes and signature included; blank when the mail has neither part. */
    public static String fullText(@Nullable String text, @Nullable String html) {
        if (text != null && !text.isBlank()) {
            return text.strip();
        }
        return html == null || html.isBlank() ? "" : HtmlText.toText(html, false);
    }

    /**
     * The customer's own words, quote and signature. An HTML-only mail's quote elements are dropped before the text
     * is read (their text is hard to tell apart afterwards) and become the quoted part.
     */
    public static ExtractedReply extract(@Nullable String text, @Nullable String html) {
        if (text != null && !text.isBlank()) {
            return ReplyExtractor.extract(text);
        }
        if (html == null || html.isBlank()) {
            return new ExtractedReply("", "", "");
        }
        ExtractedReply extracted = ReplyExtractor.extract(HtmlText.toText(html, true));
        String quoted = (extracted.quoted() + "\n\n" + HtmlText.quotedText(html)).strip();
        return new ExtractedReply(extracted.reply(), quoted, extracted.signature());
    }
}
