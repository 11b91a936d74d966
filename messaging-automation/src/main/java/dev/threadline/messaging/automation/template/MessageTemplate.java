package dev.threadline.messaging.automation.template;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A named template of one tenant with a variant per channel and an optional fallback for the others.
 * Build with {@link #builder(String, String)}:
 *
 * <pre>{@code
 * MessageTemplate reminder = MessageTemplate.builder("glow-spa", "appointment-reminder")
 *         .sms("Hi {{customer.name}}, see you {{appointment.time}}. Reply C to confirm.")
 *         .email("Your appointment on {{appointment.time}}",
 *                "Dear {{customer.name}},\n\nthis is a reminder of your appointment on {{appointment.time}}.")
 *         .build();
 * }</pre>
 *
 * @param name lower-case letters, digits, {@code -}, {@code _} and {@code .}; unique per tenant
 * @param fallback the variant for channels without their own
 */
public record MessageTemplate(String tenantId, String name, TemplateKind kind, Map<ChannelId, TemplateVariant> variants,
                              @Nullable TemplateVariant fallback) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    public MessageTemplate {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        variants = Map.copyOf(variants);
    }

    public static Builder builder(String tenantId, String name) {
        return new Builder(tenantId, name);
    }

    /**
     * The variant for {@code channel}, else the fallback.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code channel} when there is neither
     */
    public TemplateVariant variant(ChannelId channel) {
        TemplateVariant variant = variants.getOrDefault(channel, fallback);
        if (variant == null) {
            throw NonRetriableMessagingException.validation("channel", "template " + name + " has no variant for " + channel);
        }
        return variant;
    }

    /**
     * Renders the variant for {@code channel}.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} with field {@code variables.<path>} for a
     *         missing variable, or on {@code channel} when the template has no text for it
     */
    public RenderedMessage render(ChannelId channel, Map<String, ?> variables) {
        return variant(channel).render(variables);
    }

    /**
     * Every placeholder path any variant uses: the variants by channel id, then the fallback, each text's paths in
     * order of first use.
     */
    public Set<String> variables() {
        Set<String> all = new LinkedHashSet<>();
        // The variants map has no order of its own (it differed from one run to the next): read it by channel id.
        variants.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ChannelId::value)))
                .forEach(variant -> all.addAll(variant.getValue().variables()));
        if (fallback != null) {
            all.addAll(fallback.variables());
        }
        return all;
    }

    /** Builder for {@link MessageTemplate}; placeholders are checked as each text is added. */
    public static final class Builder {
        private final String tenantId;
        private final String name;
        private TemplateKind kind = TemplateKind.MESSAGE;
        private final Map<ChannelId, TemplateVariant> variants = new LinkedHashMap<>();
        private @Nullable TemplateVariant fallback;

        private Builder(String tenantId, String name) {
            if (tenantId == null || tenantId.isBlank()) {
                throw NonRetriableMessagingException.validation("tenant_id", "tenant_id is required");
            }
            if (name == null || !NAME.matcher(name).matches()) {
                throw NonRetriableMessagingException.validation("name",
                        "name must be 1-64 lower-case letters, digits, '-', '_' or '.'");
            }
            this.tenantId = tenantId;
            this.name = name;
        }

        public Builder kind(TemplateKind value) {
            this.kind = Objects.requireNonNull(value, "kind");
            return this;
        }

        /** A canned staff reply rather than a message we start. */
        public Builder cannedReply() {
            return kind(TemplateKind.CANNED_REPLY);
        }

        /** The body for {@code channel}, without a subject. */
        public Builder variant(ChannelId channel, String body) {
            return variant(channel, null, body);
        }

        /** The subject (null for none) and body for {@code channel}. */
        public Builder variant(ChannelId channel, @Nullable String subject, String body) {
            Objects.requireNonNull(channel, "channel");
            variants.put(channel, parse("variants." + channel.value(), subject, body));
            return this;
        }

        /** Shorthand for the SMS variant. */
        public Builder sms(String body) {
            return variant(ChannelId.SMS, body);
        }

        /** Shorthand for the email variant. */
        public Builder email(String subject, String body) {
            if (subject == null || subject.isBlank()) {
                throw NonRetriableMessagingException.validation("variants.email.subject", "an email variant needs a subject");
            }
            return variant(ChannelId.EMAIL, subject, body);
        }

        /** The text for channels without their own variant. */
        public Builder fallback(@Nullable String subject, String body) {
            this.fallback = parse("fallback", subject, body);
            return this;
        }

        private static TemplateVariant parse(String field, @Nullable String subject, String body) {
            if (body == null || body.isBlank()) {
                throw NonRetriableMessagingException.validation(field + ".body", field + ".body is required");
            }
            TemplateText parsedSubject = subject == null || subject.isBlank() ? null : TemplateText.parse(subject, field + ".subject");
            return new TemplateVariant(parsedSubject, TemplateText.parse(body, field + ".body"));
        }

        public MessageTemplate build() {
            if (variants.isEmpty() && fallback == null) {
                throw NonRetriableMessagingException.validation("variants", "a template needs at least one variant");
            }
            return new MessageTemplate(tenantId, name, kind, variants, fallback);
        }
    }
}
