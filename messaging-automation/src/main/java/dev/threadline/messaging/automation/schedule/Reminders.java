package dev.threadline.messaging.automation.schedule;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.automation.template.RenderedMessage;
import dev.threadline.messaging.automation.template.Templates;
import dev.threadline.messaging.automation.template.Variables;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Schedules templated messages, such as appointment reminders, through {@link MessageManager#send}: they
 * wait in the outbox as {@code scheduled} messages, so they survive restarts with a durable store and are
 * sent by whichever delivery worker is running when they fall due.
 */
public final class Reminders {

    private final MessageManager manager;
    private final Templates templates;
    private final Clock clock;

    public Reminders(MessageManager manager, Templates templates, Clock clock) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Renders the template now and stores the message due at its send time. A reminder whose time has
     * already passed while the appointment is still ahead is sent right away.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} for a missing variable
     *         ({@code variables.<path>}), an appointment in the past ({@code appointment_at}) or a fixed send
     *         time in the past ({@code send_at}); {@code not_found} for an unknown template; and whatever
     *         {@link MessageManager#send} reports (e.g. {@code recipient_opted_out})
     */
    public ScheduledMessage schedule(ReminderRequest request) {
        Instant now = clock.instant();
        Instant sendAt = sendTime(request, now);
        Map<String, Object> variables = Variables.merge(
                Variables.customer(request.customerName(), request.customerPhone(), request.customerEmail()),
                appointmentVariables(request));
        variables = Variables.merge(variables, request.variables());
        RenderedMessage rendered = templates.render(request.tenantId(), request.templateName(), request.channel(), variables);
        Map<String, String> metadata = new LinkedHashMap<>(request.metadata());
        metadata.put("template", request.templateName());
        Message message = manager.send(OutboundMessage.builder(request.tenantId(), request.channel())
                .customerName(request.customerName()).customerPhone(request.customerPhone())
                .customerEmail(request.customerEmail()).ourAddress(request.ourAddress())
                .subject(rendered.subject()).body(rendered.body())
                .sendAt(sendAt.isAfter(now) ? sendAt : null)
                .metadata(metadata).build());
        return new ScheduledMessage(message.tenantId(), message.id(), message.conversationId(), sendAt.isAfter(now) ? sendAt : now,
                message.status());
    }

    private static Instant sendTime(ReminderRequest request, Instant now) {
        if (request.sendAt() != null) {
            if (request.sendAt().isBefore(now)) {
                throw NonRetriableMessagingException.validation("send_at", "send_at is in the past");
            }
            return request.sendAt();
        }
        ZonedDateTime appointment = Objects.requireNonNull(request.appointmentAt());
        if (!appointment.toInstant().isAfter(now)) {
            throw NonRetriableMessagingException.validation("appointment_at", "appointment_at is in the past");
        }
        // ZonedDateTime.minus: a Period moves the local date-time (same wall clock), a Duration the instant.
        return appointment.minus(Objects.requireNonNull(request.lead())).toInstant();
    }

    private static Map<String, Object> appointmentVariables(ReminderRequest request) {
        ZonedDateTime appointment = request.appointmentAt();
        if (appointment == null) {
            return Map.of();
        }
        return Map.of("appointment", Map.of("time", request.timeFormat().format(appointment)));
    }

    /**
     * Cancels a scheduled message that no delivery worker has claimed yet.
     *
     * @throws NonRetriableMessagingException {@code not_found}, or {@code conflict} when it is already being sent or sent
     */
    public void cancel(String tenantId, String messageId) {
        if (!manager.cancelScheduled(tenantId, messageId)) {
            throw notWaiting(tenantId, messageId);
        }
    }

    /**
     * Moves a scheduled message that no delivery worker has claimed yet to {@code sendAt}.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code send_at} for a time in the
     *         past, {@code not_found}, or {@code conflict} when it is already being sent or sent
     */
    public ScheduledMessage reschedule(String tenantId, String messageId, Instant sendAt) {
        if (sendAt.isBefore(clock.instant())) {
            throw NonRetriableMessagingException.validation("send_at", "send_at is in the past");
        }
        if (!manager.reschedule(tenantId, messageId, sendAt)) {
            throw notWaiting(tenantId, messageId);
        }
        Message message = manager.getMessage(tenantId, messageId);
        return new ScheduledMessage(tenantId, messageId, message.conversationId(), sendAt, message.status());
    }

    private NonRetriableMessagingException notWaiting(String tenantId, String messageId) {
        DeliveryStatus status = manager.getMessage(tenantId, messageId).status();
        return NonRetriableMessagingException.conflict("message " + messageId + " is no longer waiting to be sent (" + status.wireName() + ")");
    }
}
