package dev.threadline.messaging.automation.schedule;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAmount;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A templated message to send later: at a fixed instant, or a lead time before an appointment. Build
 * with {@link #builder(String, ChannelId, String)}.
 *
 * <p>The appointment carries its time zone (the recipient's or the business's). A {@link Period} lead
 * counts calendar days on the wall clock of that zone, so "one day before" a 10:00 appointment is 10:00
 * the day before even across a daylight-saving change; a {@link Duration} lead is exact elapsed time.
 *
 * @param appointmentAt null when {@code sendAt} is given
 * @param lead how long before the appointment; null when {@code sendAt} is given
 * @param sendAt a fixed send time; null when timed from the appointment
 * @param timeFormat how {@code {{appointment.time}}} is written, in the appointment's zone
 */
public record ReminderRequest(String tenantId, ChannelId channel, String templateName, @Nullable String customerName,
                              @Nullable String customerPhone, @Nullable String customerEmail, @Nullable String ourAddress,
                              Map<String, Object> variables, @Nullable ZonedDateTime appointmentAt,
                              @Nullable TemporalAmount lead, @Nullable Instant sendAt, DateTimeFormatter timeFormat,
                              Map<String, String> metadata) {

    /** {@code Sat, Nov 21 at 3:30 PM}. */
    public static final DateTimeFormatter DEFAULT_TIME_FORMAT = DateTimeFormatter.ofPattern("EEE, MMM d 'at' h:mm a", Locale.US);

    public ReminderRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(templateName, "templateName");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(timeFormat, "timeFormat");
        metadata = Map.copyOf(metadata);
    }

    public static Builder builder(String tenantId, ChannelId channel, String templateName) {
        return new Builder(tenantId, channel, templateName);
    }

    /** Builder for {@link ReminderRequest}; exactly one of {@link #sendAt} and {@link #before} must be set. */
    public static final class Builder {
        private final String tenantId;
        private final ChannelId channel;
        private final String templateName;
        private @Nullable String customerName;
        private @Nullable String customerPhone;
        private @Nullable String customerEmail;
        private @Nullable String ourAddress;
        private Map<String, Object> variables = Map.of();
        private @Nullable ZonedDateTime appointmentAt;
        private @Nullable TemporalAmount lead;
        private @Nullable Instant sendAt;
        private DateTimeFormatter timeFormat = DEFAULT_TIME_FORMAT;
        private Map<String, String> metadata = Map.of();

        private Builder(String tenantId, ChannelId channel, String templateName) {
            this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
            this.channel = Objects.requireNonNull(channel, "channel");
            if (templateName == null || templateName.isBlank()) {
                throw NonRetriableMessagingException.validation("template", "template is required");
            }
            this.templateName = templateName;
        }

        public Builder customerName(@Nullable String value) { this.customerName = value; return this; }
        public Builder customerPhone(@Nullable String value) { this.customerPhone = value; return this; }
        public Builder customerEmail(@Nullable String value) { this.customerEmail = value; return this; }
        public Builder ourAddress(@Nullable String value) { this.ourAddress = value; return this; }
        public Builder metadata(Map<String, String> value) { this.metadata = Objects.requireNonNull(value, "metadata"); return this; }

        /** Variables for the template, laid over the customer's and the appointment's own. */
        public Builder variables(Map<String, ?> value) {
            this.variables = Map.copyOf(Objects.requireNonNull(value, "variables"));
            return this;
        }

        /** Send at this instant. */
        public Builder sendAt(Instant value) {
            this.sendAt = Objects.requireNonNull(value, "sendAt");
            return this;
        }

        /** Send {@code value} before the appointment: a {@link Period} on the local calendar or an exact {@link Duration}. */
        public Builder before(ZonedDateTime appointment, TemporalAmount value) {
            this.appointmentAt = Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(value, "lead");
            if (value instanceof Duration d && (d.isNegative() || d.isZero())
                    || value instanceof Period p && (p.isNegative() || p.isZero())) {
                throw NonRetriableMessagingException.validation("lead", "lead must be positive");
            }
            this.lead = value;
            return this;
        }

        public Builder timeFormat(DateTimeFormatter value) {
            this.timeFormat = Objects.requireNonNull(value, "timeFormat");
            return this;
        }

        public ReminderRequest build() {
            if ((sendAt == null) == (appointmentAt == null)) {
                throw NonRetriableMessagingException.validation("send_at", "give either send_at or an appointment time and lead");
            }
            return new ReminderRequest(tenantId, channel, templateName, customerName, customerPhone, customerEmail, ourAddress,
                    variables, appointmentAt, lead, sendAt, timeFormat, metadata);
        }
    }
}
