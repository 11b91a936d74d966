package dev.threadline.messaging.automation.template;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The text of a template for one channel: a short body for SMS, a subject and body for email.
 *
 * @param subject used by channels with subjects (email); null elsewhere
 */
public record TemplateVariant(@Nullable TemplateText subject, TemplateText body) {

    public TemplateVariant {
        Objects.requireNonNull(body, "body");
    }

    /** Every placeholder path the variant uses. */
    public Set<String> variables() {
        Set<String> all = new LinkedHashSet<>();
        if (subject != null) {
            all.addAll(subject.variables());
        }
        all.addAll(body.variables());
        return all;
    }

    RenderedMessage render(Map<String, ?> variables) {
        String renderedSubject = subject == null ? null : subject.render(variables);
        return new RenderedMessage(renderedSubject, body.render(variables));
    }
}
