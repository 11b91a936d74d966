package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** {@code /scheduled-messages}: reminders at a time or before an appointment, rescheduled and canceled. */
class ScheduledMessageRoutesTest extends AutomationTestBase {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void scheduleAtAFixedTimeAnswersTheScheduledMessage() {
        String template = smsTemplate(acme, "Hi {{customer.name}}, your {{service}} is confirmed");
        Instant sendAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        HttpApi.Response response = acme.post("/scheduled-messages", reminder(template, newPhone(), "\"send_at\":\"" + sendAt + "\""));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.text("/status")).isEqualTo("scheduled");
        assertThat(Instant.parse(response.text("/send_at"))).isEqualTo(sendAt);
        assertThat(response.text("/send_at")).endsWith("Z");
        assertThat(response.text("/message_id")).isNotBlank();
        assertThat(acme.get("/conversations/" + response.text("/conversation_id")).text("/messages/0/content"))
                .isEqualTo("Hi Ana, your Botox is confirmed");
    }

    @Test
    void aOneDayLeadIsTheSameWallClockTimeTheDayBefore() {
        String template = smsTemplate(acme, "See you {{appointment.time}}");
        LocalDateTime appointment = LocalDateTime.now(NEW_YORK).plusDays(3).withHour(10).withMinute(0).withSecond(0).withNano(0);

        HttpApi.Response response = acme.post("/scheduled-messages", reminder(template, newPhone(),
                "\"appointment_at\":\"" + appointment + "\",\"time_zone\":\"America/New_York\",\"lead\":\"P1D\""));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(Instant.parse(response.text("/send_at"))).isEqualTo(appointment.minusDays(1).atZone(NEW_YORK).toInstant());
        assertThat(acme.get("/conversations/" + response.text("/conversation_id")).text("/messages/0/content"))
                .endsWith("at 10:00 AM");
    }

    @Test
    void aReminderWhoseTimeHasPassedIsQueuedNow() {
        String template = smsTemplate(acme, "Soon!");
        LocalDateTime appointment = LocalDateTime.now(NEW_YORK).plusHours(2).withNano(0);

        HttpApi.Response response = acme.post("/scheduled-messages", reminder(template, newPhone(),
                "\"appointment_at\":\"" + appointment + "\",\"time_zone\":\"America/New_York\",\"lead\":\"P1D\""));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.text("/status")).isEqualTo("queued");
    }

    @Test
    void aMissingVariableNamesItsPath() {
        String template = smsTemplate(acme, "Your {{service}} with {{provider.name}}");

        assertValidationError(acme.post("/scheduled-messages", reminder(template, newPhone(), "\"send_at\":\"" + tomorrow() + "\"")),
                "variables.provider.name");
    }

    @Test
    void anAppointmentInThePastIsAValidationErrorOnAppointmentAt() {
        String template = smsTemplate(acme, "Hi");

        assertValidationError(acme.post("/scheduled-messages", reminder(template, newPhone(),
                        "\"appointment_at\":\"2020-01-01T10:00:00\",\"time_zone\":\"UTC\",\"lead\":\"PT1H\"")),
                "appointment_at");
    }

    @Test
    void aSendTimeInThePastIsAValidationErrorOnSendAt() {
        String template = smsTemplate(acme, "Hi");

        assertValidationError(acme.post("/scheduled-messages", reminder(template, newPhone(), "\"send_at\":\"2020-01-01T10:00:00Z\"")),
                "send_at");
    }

    @Test
    void neitherSendAtNorAnAppointmentIsAValidationErrorOnSendAt() {
        assertValidationError(acme.post("/scheduled-messages", reminder(smsTemplate(acme, "Hi"), newPhone(), "\"lead\":\"P1D\"")),
                "send_at");
    }

    @Test
    void anAppointmentWithoutTimeZoneIsAValidationErrorOnTimeZone() {
        assertValidationError(acme.post("/scheduled-messages", reminder(smsTemplate(acme, "Hi"), newPhone(),
                "\"appointment_at\":\"2099-01-01T10:00:00\",\"lead\":\"P1D\"")), "time_zone");
    }

    @Test
    void anUnreadableLeadIsAValidationErrorOnLead() {
        assertValidationError(acme.post("/scheduled-messages", reminder(smsTemplate(acme, "Hi"), newPhone(),
                "\"appointment_at\":\"2099-01-01T10:00:00\",\"time_zone\":\"UTC\",\"lead\":\"one day\"")), "lead");
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        assertError(acme.post("/scheduled-messages", reminder("never-saved", newPhone(), "\"send_at\":\"" + tomorrow() + "\"")),
                404, "not_found");
    }

    @Test
    void anOptedOutRecipientIsUnprocessable() {
        String phone = newPhone();
        acme.post("/send", smsBody(phone, "STOP", false));

        assertError(acme.post("/scheduled-messages", reminder(smsTemplate(acme, "Hi"), phone, "\"send_at\":\"" + tomorrow() + "\"")),
                422, "recipient_opted_out");
    }

    @Test
    void rescheduleMovesTheSendTime() {
        String messageId = scheduled();
        Instant later = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        HttpApi.Response response = acme.patch("/scheduled-messages/" + messageId, "{\"send_at\":\"" + later + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(Instant.parse(response.text("/send_at"))).isEqualTo(later);
        assertThat(response.text("/status")).isEqualTo("scheduled");
        assertThat(response.text("/message_id")).isEqualTo(messageId);
    }

    @Test
    void rescheduleIntoThePastIsAValidationErrorOnSendAt() {
        assertValidationError(acme.patch("/scheduled-messages/" + scheduled(), "{\"send_at\":\"2020-01-01T00:00:00Z\"}"), "send_at");
    }

    @Test
    void rescheduleWithoutSendAtIsAValidationError() {
        assertValidationError(acme.patch("/scheduled-messages/" + scheduled(), "{}"), "send_at");
    }

    @Test
    void cancelTakesTheMessageBackAndASecondCancelIsAConflict() {
        String messageId = scheduled();

        assertThat(acme.delete("/scheduled-messages/" + messageId).status()).isEqualTo(204);

        assertError(acme.delete("/scheduled-messages/" + messageId), 409, "conflict");
        assertError(acme.patch("/scheduled-messages/" + messageId, "{\"send_at\":\"" + tomorrow() + "\"}"), 409, "conflict");
    }

    @Test
    void anUnknownMessageIsNotFound() {
        assertError(acme.delete("/scheduled-messages/no-such-message"), 404, "not_found");
    }

    private String scheduled() {
        HttpApi.Response response = acme.post("/scheduled-messages",
                reminder(smsTemplate(acme, "Later"), newPhone(), "\"send_at\":\"" + tomorrow() + "\""));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("/message_id");
    }

    static Instant tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    static String reminder(String template, String phone, String timing) {
        return """
                {"channel":"sms","template":"%s","customer_name":"Ana","customer_phone":"%s",
                 "variables":{"service":"Botox"},%s}""".formatted(template, phone, timing);
    }
}
