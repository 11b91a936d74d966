package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.InboundMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognizes messages that no person wrote: out-of-office and vacation replies, mailing-list and bulk
 * mail, bounces. Headers first (RFC 3834 {@code Auto-Submitted}, {@code X-Autoreply}/{@code X-Autorespond},
 * {@code Precedence}, {@code List-Id}, Exchange's {@code X-Auto-Response-Suppress}), then the sender
 * ({@code mailer-daemon}, {@code postmaster}), then the subjects mail clients give automatic replies in
 * several languages. Answering such a message with AI starts a loop, so they are stored but never answered.
 */
final class AutoReplies {

    private static final Pattern BULK_PRECEDENCE = Pattern.compile("(?i)\\s*(bulk|list|junk|auto_reply)\\b.*");
    private static final Pattern DAEMON_SENDER = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon|no-?reply|do-?not-?reply)@.*");
    private static final List<String> PRESENT_HEADERS = List.of("x-autoreply", "x-autorespond", "x-autoresponder", "list-id",
            "x-auto-response-suppress");
    /** Subject starts of automatic replies: English, German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Polish, Russian, Ukrainian. */
    private static final Pattern AUTO_SUBJECT = Pattern.compile("(?iuU)^\\s*("
            + "out of (the )?office|automatic reply|auto(matic)?[- ]?reply|autoreply|auto-response|auto response|vacation reply"
            + "|away from (the )?office|delivery status notification|undeliverable|undelivered mail|mail delivery failed"
            + "|returned mail|delivery failure"
            + "|abwesenheitsnotiz|automatische antwort|abwesend|nicht im büro"
            + "|réponse automatique|reponse automatique|absence du bureau|absent du bureau|message d'absence"
            + "|respuesta automática|respuesta automatica|fuera de la oficina|ausente de la oficina"
            + "|risposta automatica|fuori sede|fuori ufficio"
            + "|resposta automática|resposta automatica|ausente do escritório|fora do escritório"
            + "|automatisch antwoord|afwezig|niet aanwezig"
            + "|autosvar|frånvaro|fr[aå]nvarande"
            + "|odpowiedź automatyczna|odpowiedz automatyczna|nieobecność|nieobecnosc"
            + "|автоответ|автоматический ответ|нет на месте|вне офиса"
            + "|автовідповідь|автоматична відповідь|поза офісом"
            + ")\\b.*");

    private AutoReplies() {
    }

    /** Why {@code inbound} was sent automatically, or empty when a person may have written it. */
    static Optional<String> reason(InboundMessage inbound) {
        Map<String, String> headers = inbound.headers();
        String autoSubmitted = headers.get("auto-submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("auto-submitted: " + autoSubmitted.strip());
        }
        for (String name : PRESENT_HEADERS) {
            if (headers.containsKey(name)) {
                return Optional.of(name);
            }
        }
        String precedence = headers.get("precedence");
        if (precedence != null && BULK_PRECEDENCE.matcher(precedence).matches()) {
            return Optional.of("precedence: " + precedence.strip());
        }
        if (inbound.customerEmail() != null && DAEMON_SENDER.matcher(inbound.customerEmail().strip()).matches()) {
            return Optional.of("sender: " + inbound.customerEmail().strip().toLowerCase(Locale.ROOT));
        }
        if (inbound.subject() != null && AUTO_SUBJECT.matcher(inbound.subject()).matches()) {
            return Optional.of("subject");
        }
        return Optional.empty();
    }
}
