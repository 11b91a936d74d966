package dev.threadline.messaging.sendgrid.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds where the customer's signature starts: a {@code -- } delimiter, a sign-off ("Regards,") near the end, or a
 * mobile client's "Sent from my …".
 */
final class Signatures {

    /** The standard "-- " delimiter (also without its trailing space, as many clients strip it) and "__" rules. */
    private static final Pattern DELIMITER = Pattern.compile("^(?:--|_{2,})\\s*$");

    /**
     * Mobile clients' lines per language. Only a short line of its own counts, so "Sent from my desk, is much
     * easier…" in a sentence stays part of the reply.
     */
    private static final Pattern MOBILE = Pattern.compile("^(?:"
            + "Sent from (?:my )?[\\p{L}\\p{N} .'’-]{1,40}(?:<[^>]*>)?"
            + "|Get Outlook for [\\p{L}\\p{N} ]{1,20}"
            + "|Gesendet von [\\p{L}\\p{N} .'-]{1,40}"
            + "|Envoyé à partir de [\\p{L}\\p{N} .'-]{1,40}"
            + "|Envoyé (?:de|depuis) mon [\\p{L}\\p{N} .'-]{1,40}"
            + "|Von meinem [\\p{L}\\p{N} .'-]{1,40} gesendet"
            + "|Gesendet von meinem [\\p{L}\\p{N} .'-]{1,40}"
            + "|Enviado desde mi [\\p{L}\\p{N} .'-]{1,40}"
            + "|Enviado do meu [\\p{L}\\p{N} .'-]{1,40}"
            + "|Inviato da [\\p{L}\\p{N} .'-]{1,40}"
            + "|Verzonden (?:vanaf|met) mijn [\\p{L}\\p{N} .'-]{1,40}"
            + "|Skickat från min [\\p{L}\\p{N} .'-]{1,40}"
            + "|Wysłane z [\\p{L}\\p{N} .'-]{1,40}"
            + "|Отправлено с [\\p{L}\\p{N} .'-]{1,40}"
            + "|Надіслано з [\\p{L}\\p{N} .'-]{1,40}"
            + ")\\s*(?:<[^>]*>)?\\s*$", Pattern.UNICODE_CASE);

    /** A sign-off on a line of its own, in the supported languages; only the name and title may follow it. */
    private static final Pattern SIGN_OFF = Pattern.compile("^(?:(?:Best|Kind|Warm|With kind) regards|Regards"
            + "|Cordialement|Bien à vous|Mit freundlichen Grüßen|Viele Grüße|Saludos|Un saludo|Atentamente"
            + "|Met vriendelijke groet(?:en)?|Med vänliga hälsningar|Vänliga hälsningar|Pozdrawiam|Z poważaniem"
            + "|Cordiali saluti|Distinti saluti|Atenciosamente|Cumprimentos|С уважением|З повагою)[,.!]?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int SIGN_OFF_TAIL = 4;

    /** A mobile signature is the mail's last words; a few trailing lines (a disclaimer, a link) are allowed. */
    private static final int MOBILE_TAIL = 3;

    private Signatures() {
    }

    /** Index in {@code lines} where the signature starts, or {@code lines.size()} when there is none. */
    static int start(List<String> lines) {
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            String line = lines.get(i).strip();
            if (i > 0 && DELIMITER.matcher(lines.get(i)).matches()) {
                return i;
            }
            if (SIGN_OFF.matcher(line).matches() && nonBlankAfter(lines, i, last) <= SIGN_OFF_TAIL) {
                return i;
            }
            if (MOBILE.matcher(line).matches() && nonBlankAfter(lines, i, last) <= MOBILE_TAIL) {
                return i;
            }
        }
        return lines.size();
    }

    private static int nonBlankAfter(List<String> lines, int i, int last) {
        int count = 0;
        for (int j = i + 1; j <= last; j++) {
            if (!lines.get(j).isBlank()) {
                count++;
            }
        }
        return count;
    }
}
