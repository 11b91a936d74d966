package dev.threadline.messaging.consent;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognizes a request to stop being messaged written in plain words, in English and Spanish, offline.
 * A revocation of consent may come in any reasonable words, not only the keywords; these are the common
 * ones. A negated stop ("please don't stop the reminders") is not a request.
 */
final class StopRequests {

    private static final String CONTACT_VERB = "(?:texting|txting|messaging|msging|sending|contacting|e-?mailing|calling|spamming|bothering)";
    private static final List<Pattern> REQUESTS = List.of(
            // English
            Pattern.compile("\\bstop " + CONTACT_VERB + "\\b"),
            Pattern.compile("\\b(?:don't|dont|do not|never) (?:text|txt|message|msg|contact|e-?mail|call|sms) (?:me|us)\\b"),
            Pattern.compile("\\b(?:remove|take|delete|unsubscribe|drop) (?:me|my (?:number|phone|phone number|email|e-?mail address))"
                    + " (?:from|off)\\b"),
            Pattern.compile("\\b(?:unsubscribe|opt) me(?: out)?\\b"),
            Pattern.compile("\\bno more (?:texts|txts|messages|msgs|emails|e-mails|sms)\\b"),
            Pattern.compile("\\b(?:don't|dont|do not) (?:want|wish to receive) (?:any more |anymore |more |these |your )?(?:texts|messages|emails|sms)\\b"),
            Pattern.compile("\\bleave me alone\\b"),
            Pattern.compile("^(?:please )?stop(?: it)?(?: please| now| already)*$"),
            // Spanish (accents are folded before matching)
            Pattern.compile("\\b(?:deja|dejen|dejar|para|paren|parar) de (?:enviar|mandar|escribir|contactar|llamar)(?:me|nos)?\\b"),
            Pattern.compile("\\bno me (?:envies|envien|mandes|manden|escribas|escriban|contactes|contacten|llames|llamen)\\b"),
            Pattern.compile("\\b(?:sacame|saquenme|quitame|quitenme|eliminame|eliminenme|borrame|borrenme) de\\b"),
            Pattern.compile("\\b(?:darme|denme|dame|dar) de baja\\b"),
            Pattern.compile("\\bno (?:quiero|deseo) (?:recibir )?(?:mas )?(?:mensajes|correos|textos|sms)\\b"),
            Pattern.compile("\\bya no (?:quiero|deseo) (?:recibir|que me)\\b"),
            Pattern.compile("^(?:por favor )?(?:basta|alto|pare|paren)(?: por favor| ya)*$"));
    private static final Pattern NEGATED_STOP = Pattern.compile("\\b(?:don't|dont|do not|never|won't|wont) stop\\b");
    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'-]+");

    private StopRequests() {
    }

    static boolean isStopRequest(String body) {
        String text = fold(body);
        if (text.isEmpty() || NEGATED_STOP.matcher(text).find()) {
            return false;
        }
        return REQUESTS.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** Lower case, accents removed, typographic apostrophes plain, everything else that is not a word one space. */
    private static String fold(String body) {
        String decomposed = Normalizer.normalize(body.replace('\u2019', '\''), Normalizer.Form.NFD);
        String plain = DIACRITICS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }
}
