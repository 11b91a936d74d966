package dev.threadline.messaging.automation.campaign;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Objects;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What automation knows of a contact beyond the core model: tags for segments and the time zone for
 * quiet hours and reminders.
 *
 * @param tags labels such as {@code vip} or {@code botox}, stored lower-case
 */
public record ContactProfile(String tenantId, String contactId, Set<String> tags, @Nullable ZoneId zone) {
    public ContactProfile {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(contactId, "contactId");
        tags = normalizedTags(tags);
    }

    /** Tags as profiles and segments keep them: stripped and lower case, so {@code " VIP"} and {@code vip} are one tag. */
    public static Set<String> normalizedTags(Collection<String> tags) {
        return tags.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
