package dev.threadline.messaging.sendgrid.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What mail clients write above the mail they quote or forward, per language, in one table so a language is added
 * in one place.
 */
final class QuoteHeaders {

    /** Words that open an "On … wrote:" line (Gmail, Apple Mail, Thunderbird) in the supported languages. */
    private static final List<String> ON_WORDS = List.of(
            "On", "Le", "Am", "El", "Op", "Den", "Dnia", "W dniu", "Il", "In data", "Em", "No dia", "В", "У",
            "Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс", "Нд", "Vào");

    /** The "wrote" verbs; the header may wrap, so these are matched on up to three joined lines. */
    private static final List<String> WROTE_WORDS = List.of(
            "wrote", "a écrit", "schrieb", "escribió", "написал", "написала", "написал\\(а\\)", "napisał",
            "napisała", "napisał\\(a\\)", "schreef", "skrev", "написав", "ha scritto", "escreveu",
            "kirjoitti", "geschreven", "đã viết");

    /** Outlook's first header field ("From:") in the supported languages. */
    private static final List<String> FROM_FIELDS = List.of(
            "From", "De", "Von", "Van", "Från", "Od", "Da", "От", "Від", "Fra", "Lähettäjä");

    /** The fields that follow Outlook's "From:" line; one of them within a few lines confirms the block. */
    private static final List<String> NEXT_FIELDS = List.of(
            "Sent", "Date", "To", "Subject", "Envoyé", "Date d'envoi", "À", "Objet", "Gesendet", "Datum", "An",
            "Betreff", "Verzonden", "Aan", "Onderwerp", "Skickat", "Till", "Ämne", "Wysłano", "Data", "Do",
            "Temat", "Inviato", "A", "Oggetto", "Enviado", "Fecha", "Para", "Asunto", "Assunto", "Отправлено",
            "Дата", "Кому", "Тема", "Надіслано", "Sendt", "Til", "Emne", "Lähetetty", "Vastaanottaja", "Aihe");

    /** "-----Original Message-----" and its translations. */
    private static final List<String> ORIGINAL_MESSAGE = List.of(
            "Original Message", "Message d'origine", "Ursprüngliche Nachricht", "Mensaje original",
            "Oorspronkelijk bericht", "Ursprungligt meddelande", "Oryginalna wiadomość", "Wiadomość oryginalna",
            "Messaggio originale", "Mensagem original", "Исходное сообщение", "Оригинальное сообщение",
            "Оригінальне повідомлення", "Вихідне повідомлення", "Oprindelig besked", "Opprinnelig melding",
            "Alkuperäinen viesti", "Reply Message", "Antwort Nachricht", "Oprindelig meddelelse");

    /** "---------- Forwarded message ---------" and its translations. */
    private static final List<String> FORWARDED = List.of(
            "Forwarded message", "Message transféré", "Weitergeleitete Nachricht", "Mensaje reenviado",
            "Doorgestuurd bericht", "Vidarebefordrat meddelande", "Przekazana wiadomość", "Wiadomość przekazana",
            "Messaggio inoltrato", "Mensagem encaminhada", "Пересылаемое сообщение", "Пересланное сообщение",
            "Переслане повідомлення", "Videresendt meddelelse", "Videresendt melding");

    private static final Pattern ON_WROTE = Pattern.compile(
            "^[>\\s]*(?:-{2,}\\s*)?(?:" + alternatives(ON_WORDS) + ")\\s.*\\d.*(?:" + alternatives(WROTE_WORDS)
                    + ")(?:\\s[^:]{0,120})?\\s*:?\\s*(?:-{2,})?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Headers without an opening word ("tir. 18. apr. 2017 kl. 13:09 skrev X <x@y>:", "X <x@y> wrote:"). */
    private static final Pattern DATED_WROTE = Pattern.compile(
            "^.*(?:\\d.*@|@.*\\d|\\d{4}).*\\s(?:" + alternatives(WROTE_WORDS) + ")(?:\\s[^:]{0,120})?\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "On … sent:", English clients' other verb; unlike "wrote" only with its colon, as "On Monday I sent" is prose. */
    private static final Pattern ON_SENT = Pattern.compile(
            "^On\\s.*\\d.*\\ssent\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
    /** A sender's address in angle brackets right before the verb ("Sent from Samsung MobileName <a@b.c> wrote:"). */
    private static final Pattern ADDRESS_WROTE = Pattern.compile(
            "^.*\\S\\s*<[^\\s<>@]+@[^\\s<>@]+>\\s+(?:" + alternatives(WROTE_WORDS) + ")\\s*:\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Android's "---- John Smith wrote ----". */
    private static final Pattern DASHED_WROTE = Pattern.compile(
            "^-{2,}\\s*\\S.{0,100}\\s(?:" + alternatives(WROTE_WORDS) + ")\\s*:?\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * Old Gmail's "2011/4/7 Name <name@example.com>" without verb or colon: a header only when {@code >}-quoted lines
     * follow it, since without them it reads like any line that names a date and an address.
     */
    private static final Pattern DATE_AND_ADDRESS = Pattern.compile(
            "^\\d{4}/\\d{1,2}/\\d{1,2}\\s.*<[^\\s<>@]+@[^\\s<>@]+>\\s*$", Pattern.UNICODE_CASE);
    /** Headers that name only a date and the sender ("30.09.2017, 18.30, "John" <j@x.com>:"), as Yandex, Mail.ru. */
    private static final Pattern DATED_ADDRESS = Pattern.compile(
            "^[^>].*\\d.*[\\s<(\"]<?[^\\s<>@]+@[^\\s<>@]+>?\\)?\\s*:\\s*$", Pattern.UNICODE_CASE);
    private static final Pattern FROM_FIELD = Pattern.compile(
            "^\\*?(?:" + alternatives(FROM_FIELDS) + ")\\s?:\\*?\\s*\\S.*$", Pattern.UNICODE_CASE);
    /** Some clients open the field block with the date ("Date: Wed, 16 May 2012 00:15:02 -0600", then "To:"). */
    private static final Pattern DATE_FIELD = Pattern.compile("^\\*?Date\\s?:\\*?\\s*\\S.*\\d.*$");
    private static final Pattern NEXT_FIELD = Pattern.compile(
            "^\\*?(?:" + alternatives(NEXT_FIELDS) + ")\\s?:\\*?(?:\\s.*)?$", Pattern.UNICODE_CASE);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^-{2,}\\s*(?:" + alternatives(ORIGINAL_MESSAGE) + ")\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FORWARD = Pattern.compile(
            "^(?:-{2,}\\s*(?:" + alternatives(FORWARDED) + ")\\s*-*|Begin forwarded message:)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern GLUED_DASHES = Pattern.compile("(?<=[^\\s-])-{3,}\\s*(?=\\p{L})");
    private static final Pattern GLUED_OPENING = Pattern.compile(
            "(?<=\\S\\s)(?=(?:" + alternatives(ON_WORDS) + ")\\s)", Pattern.UNICODE_CASE);
    private static final Pattern PREAMBLE_FIELD = Pattern.compile("^[\\p{L} ]{1,30}\\s?:\\s.*$");
    private static final Pattern PREAMBLE_RULE = Pattern.compile("^(?:={3,}|_{3,}|-{3,}|\\*{3,})$");
    private static final Pattern RULE = Pattern.compile("^\\s*(?:_{10,}|-{10,})\\s*$");

    /** Outlook's field block is a handful of lines; a confirming field further down is not part of it. */
    private static final int FIELD_BLOCK_SPAN = 4;
    /** Long names and addresses make clients wrap the "On … wrote:" line over up to three lines. */
    private static final int MAX_WRAPPED_LINES = 3;

    private QuoteHeaders() {
    }

    /** What kind of quote starts at a line. */
    enum Kind {
        /** An "On … wrote:" line: what follows may be {@code >}-quoted with answers in between. */
        ON_WROTE,
        /** An Outlook block, original-message or forward separator: everything below is the earlier mail. */
        WHOLE_MAIL
    }

    /** A quote header found at a line, spanning {@code lines} lines. */
    record Header(Kind kind, int lines) {
    }

    /** The quote header that starts at line {@code i}, or {@code null}. */
    static Header at(List<String> lines, int i) {
        String line = lines.get(i).strip();
        if (line.isEmpty()) {
            return null;
        }
        if (ORIGINAL.matcher(line).matches() || FORWARD.matcher(line).matches()) {
            return new Header(Kind.WHOLE_MAIL, 1);
        }
        if (RULE.matcher(line).matches()) {
            int next = nextNonBlank(lines, i + 1);
            return next < lines.size() && outlookBlock(lines, next) ? new Header(Kind.WHOLE_MAIL, 1) : null;
        }
        if (outlookBlock(lines, i)) {
            return new Header(Kind.WHOLE_MAIL, 1);
        }
        if (DATE_AND_ADDRESS.matcher(line).matches()) {
            int next = nextNonBlank(lines, i + 1);
            boolean quoteFollows = next < lines.size() && lines.get(next).stripLeading().startsWith(">");
            return quoteFollows ? new Header(Kind.ON_WROTE, 1) : null;
        }
        StringBuilder joined = new StringBuilder();
        for (int n = 1; n <= MAX_WRAPPED_LINES && i + n - 1 < lines.size(); n++) {
            String part = lines.get(i + n - 1).strip();
            if (part.isEmpty()) {
                break;
            }
            joined.append(n > 1 ? " " : "").append(part);
            String candidate = joined.toString();
            boolean opening = ON_WROTE.matcher(candidate).matches();
            if (opening || isOnWrote(candidate)) {
                // The reply's last line joined to a header matches too; then the header starts a line later. A header
                // with its opening word ("On …") starts where that word is; one without (a date and an address
                // before "wrote:") gives way to any header that starts later.
                return startsLater(lines, i + 1, n - 1, opening) ? null : new Header(Kind.ON_WROTE, n);
            }
        }
        return null;
    }

    /**
     * Whether a header starts at one of the {@code count} lines from {@code from} and ends with them: an "On … wrote:"
     * line with its opening word, or when {@code openingOnly} is false, any header.
     */
    private static boolean startsLater(List<String> lines, int from, int count, boolean openingOnly) {
        for (int k = 0; k < count; k++) {
            StringBuilder rest = new StringBuilder();
            for (int j = from + k; j < from + count; j++) {
                rest.append(rest.length() > 0 ? " " : "").append(lines.get(j).strip());
            }
            if (openingOnly ? ON_WROTE.matcher(rest).matches() : isOnWrote(rest.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOnWrote(String candidate) {
        return ON_WROTE.matcher(candidate).matches() || DATED_WROTE.matcher(candidate).matches()
                || DATED_ADDRESS.matcher(candidate).matches() || ON_SENT.matcher(candidate).matches()
                || ADDRESS_WROTE.matcher(candidate).matches() || DASHED_WROTE.matcher(candidate).matches();
    }

    /**
     * Where an "On … wrote:" header glued to the end of the reply's last line starts, or -1: after a run of dashes
     * ("bla--- On Wed, … wrote:"), or, when quoted lines follow, after a blank ("reply On Wed, … wrote:"; the colon
     * and the quote tell it from a sentence that mentions a date and what someone wrote).
     */
    static int gluedHeaderStart(String line, boolean quoteFollows) {
        Matcher dashes = GLUED_DASHES.matcher(line);
        while (dashes.find()) {
            if (ON_WROTE.matcher(line.substring(dashes.start())).matches()) {
                return dashes.start();
            }
        }
        if (quoteFollows && line.stripTrailing().endsWith(":")) {
            Matcher opening = GLUED_OPENING.matcher(line);
            while (opening.find()) {
                if (ON_WROTE.matcher(line.substring(opening.start())).matches()) {
                    return opening.start();
                }
            }
        }
        return -1;
    }

    /** Whether a line may belong to a header block above an Outlook block ("Message du : …", a "====" rule). */
    static boolean headerPreamble(String line) {
        String s = line.strip();
        return PREAMBLE_FIELD.matcher(s).matches() || PREAMBLE_RULE.matcher(s).matches();
    }

    private static boolean outlookBlock(List<String> lines, int i) {
        String first = lines.get(i).strip();
        if (!FROM_FIELD.matcher(first).matches() && !DATE_FIELD.matcher(first).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.size(), i + 1 + FIELD_BLOCK_SPAN); j++) {
            if (NEXT_FIELD.matcher(lines.get(j).strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static int nextNonBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static String alternatives(List<String> words) {
        return String.join("|", words);
    }
}
