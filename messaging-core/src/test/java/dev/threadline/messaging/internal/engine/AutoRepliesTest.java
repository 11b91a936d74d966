package dev.threadline.messaging.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.InboundMessage;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoRepliesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Auto-Submitted|auto-replied", "auto-submitted|auto-generated", "X-Autoreply|yes", "X-Autorespond|1",
            "Precedence|bulk", "Precedence|list", "Precedence|auto_reply", "List-Id|<news.example.com>",
            "X-Auto-Response-Suppress|All"})
    void automaticMailIsRecognizedByItsHeaders(String header, String value) {
        assertThat(AutoReplies.reason(mail("ana@example.com", "Re: Your appointment", Map.of(header, value)))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILER-DAEMON@mx.example.com", "postmaster@example.com", "noreply@example.com"})
    void bouncesAndRobotsAreRecognizedByTheirSender(String sender) {
        assertThat(AutoReplies.reason(mail(sender, "Hello", Map.of()))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Out of Office: Your appointment", "Automatic reply: Botox", "Auto-Reply: hi", "AutoReply",
            "Abwesenheitsnotiz: Termin", "Automatische Antwort: Termin", "Réponse automatique : Rendez-vous",
            "Absence du bureau", "Respuesta automática: cita", "Fuera de la oficina", "Risposta automatica: appuntamento",
            "Resposta automática: consulta", "Automatisch antwoord: afspraak", "Autosvar: bokning",
            "Odpowiedź automatyczna: wizyta", "Автоответ: запись", "Автоматический ответ: запись",
            "Автовідповідь: запис", "Undeliverable: Your appointment", "Delivery Status Notification (Failure)"})
    void automaticRepliesAreRecognizedByTheirSubjectInManyLanguages(String subject) {
        assertThat(AutoReplies.reason(mail("ana@example.com", subject, Map.of()))).contains("subject");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Re: Out of office hours?", "Question about your automatic reply", "Re: Botox pricing",
            "Are you open on Saturday?"})
    void customersWritingAboutSuchThingsAreNotAutomatic(String subject) {
        assertThat(AutoReplies.reason(mail("ana@example.com", subject, Map.of("Auto-Submitted", "no")))).isEmpty();
    }

    private static InboundMessage mail(String from, String subject, Map<String, String> headers) {
        return InboundMessage.builder("acme", ChannelId.EMAIL).customerEmail(from).subject(subject).body("text")
                .headers(headers).build();
    }
}
