package dev.threadline.messaging.automation.schedule;

import static dev.threadline.messaging.automation.AutomationFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.automation.AutomationFixture;
import dev.threadline.messaging.automation.template.MessageTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAmount;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemindersTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** New York leaves daylight saving time on 2026-11-01 at 02:00; the fixture starts before that. */
    private static final Instant BEFORE_DST_END = Instant.parse("2026-10-30T12:00:00Z");

    private final AutomationFixture fx = new AutomationFixture(BEFORE_DST_END, b -> b);
    private final Reminders reminders = fx.automation.reminders();

    RemindersTest() {
        fx.automation.templates().save(MessageTemplate.builder(TENANT, "reminder")
                .sms("Hi {{customer.name}}, your {{service}} is on {{appointment.time}}.").build());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ReminderRequest.Builder request() {
        return ReminderRequest.builder(TENANT, ChannelId.SMS, "reminder")
                .customerName("Ana").customerPhone("+15551234567").variables(Map.of("service", "Botox"));
    }

    /** Monday 2026-11-02 10:00 in New York, the day after clocks went back. */
    private static ZonedDateTime appointmentAfterDstEnd() {
        return ZonedDateTime.of(LocalDateTime.of(2026, 11, 2, 10, 0), NEW_YORK);
    }

    private ScheduledMessage remindBefore(ZonedDateTime appointment, TemporalAmount lead) {
        return reminders.schedule(request().before(appointment, lead).build());
    }

    @Test
    void oneDayBeforeKeepsTheWallClockAcrossTheDstChange() {
        ScheduledMessage scheduled = remindBefore(ZonedDateTime.of(LocalDateTime.of(2026, 11, 1, 10, 0), NEW_YORK), Period.ofDays(1));

        // Saturday 10:00 EDT (UTC-4), although the appointment is at 10:00 EST (UTC-5).
        assertThat(scheduled.sendAt()).isEqualTo(Instant.parse("2026-10-31T14:00:00Z"));
    }

    @Test
    void exactDurationLeadCountsElapsedHoursAcrossTheDstChange() {
        ScheduledMessage scheduled = remindBefore(ZonedDateTime.of(LocalDateTime.of(2026, 11, 1, 10, 0), NEW_YORK), Duration.ofHours(24));

        // 24 real hours before 10:00 EST is 11:00 EDT on the wall clock.
        assertThat(scheduled.sendAt()).isEqualTo(Instant.parse("2026-10-31T15:00:00Z"));
    }

    @Test
    void appointmentTimeIsWrittenInTheAppointmentsZone() {
        remindBefore(appointmentAfterDstEnd(), Period.ofDays(1));
        fx.advance(Duration.ofDays(5));
        fx.deliverDue();

        assertThat(fx.sms.sent()).singleElement()
                .satisfies(d -> assertThat(d.message().body()).isEqualTo("Hi Ana, your Botox is on Mon, Nov 2 at 10:00 AM."));
    }

    @Test
    void reminderWaitsInTheOutboxUntilItsTime() {
        ScheduledMessage scheduled = remindBefore(appointmentAfterDstEnd(), Period.ofDays(1));

        fx.deliverDue();
        assertThat(fx.sms.sent()).isEmpty();
        assertThat(scheduled.status()).isEqualTo(DeliveryStatus.SCHEDULED);

        fx.advance(Duration.between(fx.clock.instant(), scheduled.sendAt()));
        fx.deliverDue();
        assertThat(fx.sms.sent()).hasSize(1);
    }

    @Test
    void missingVariableSchedulesNothing() {
        ReminderRequest withoutService = ReminderRequest.builder(TENANT, ChannelId.SMS, "reminder")
                .customerName("Ana").customerPhone("+15551234567").before(appointmentAfterDstEnd(), Period.ofDays(1)).build();

        assertThatThrownBy(() -> reminders.schedule(withoutService))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("variables.service"));
        assertThat(fx.store.pendingCount()).isZero();
    }

    @Test
    void canceledReminderIsNeverSent() {
        ScheduledMessage scheduled = remindBefore(appointmentAfterDstEnd(), Period.ofDays(1));

        reminders.cancel(TENANT, scheduled.messageId());
        fx.advance(Duration.ofDays(5));
        fx.deliverDue();

        assertThat(fx.sms.sent()).isEmpty();
        assertThat(fx.manager.getMessage(TENANT, scheduled.messageId()).status()).isEqualTo(DeliveryStatus.CANCELED);
    }

    @Test
    void rescheduledReminderGoesOutAtTheNewTimeOnly() {
        ScheduledMessage scheduled = remindBefore(appointmentAfterDstEnd(), Period.ofDays(1));
        Instant later = scheduled.sendAt().plus(Duration.ofHours(3));

        reminders.reschedule(TENANT, scheduled.messageId(), later);
        fx.advance(Duration.between(fx.clock.instant(), scheduled.sendAt()));
        fx.deliverDue();
        assertThat(fx.sms.sent()).isEmpty();

        fx.advance(Duration.ofHours(3));
        fx.deliverDue();
        assertThat(fx.sms.sent()).hasSize(1);
    }

    @Test
    void scheduledReminderSurvivesARestartOfTheManager() {
        ScheduledMessage scheduled = remindBefore(appointmentAfterDstEnd(), Period.ofDays(1));
        fx.manager.close();

        MessageManager restarted = fx.newManager();
        fx.advance(Duration.between(fx.clock.instant(), scheduled.sendAt()));
        restarted.deliverDue();

        assertThat(restarted.getMessage(TENANT, scheduled.messageId()).status()).isEqualTo(DeliveryStatus.SENT);
        restarted.close();
    }

    @Test
    void reminderWhoseTimeHasPassedIsSentNow() {
        ScheduledMessage scheduled = remindBefore(ZonedDateTime.ofInstant(BEFORE_DST_END.plus(Duration.ofHours(2)), NEW_YORK), Period.ofDays(1));

        fx.deliverDue();

        assertThat(scheduled.sendAt()).isEqualTo(BEFORE_DST_END);
        assertThat(fx.sms.sent()).hasSize(1);
    }

    @Test
    void appointmentInThePastIsRejected() {
        ReminderRequest past = request().before(ZonedDateTime.ofInstant(BEFORE_DST_END.minusSeconds(60), NEW_YORK), Period.ofDays(1)).build();

        assertThatThrownBy(() -> reminders.schedule(past))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("appointment_at"));
    }

    @Test
    void cancelingASentReminderIsAConflict() {
        ScheduledMessage scheduled = reminders.schedule(request()
                .variables(Map.of("service", "Botox", "appointment", Map.of("time", "today"))).sendAt(BEFORE_DST_END.plusSeconds(60)).build());
        fx.advance(Duration.ofMinutes(1));
        fx.deliverDue();

        assertThatThrownBy(() -> reminders.cancel(TENANT, scheduled.messageId()))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.code().wireName()).isEqualTo("conflict"));
    }

    @Test
    void requestNeedsEitherASendTimeOrAnAppointment() {
        assertThatThrownBy(() -> request().build())
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("send_at"));
    }
}
