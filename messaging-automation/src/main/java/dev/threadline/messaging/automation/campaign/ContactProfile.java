package dev.threadline.messaging.automation.campaign;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What automation knows of a contact beyond the core model: tags for segments and the time zone for
 * quiet hours and reminders.
 *
 * @param tags lower-case labels such as {@code vip} or {@code botox}
 */
public record ContactProfile(String tenantId, String contactId, Set<String> tags, @Nullable ZoneId zone) {
    public ContactProfile {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(contactId, "contactId");
        tags = Set.copyOf(tags);
    }
}
