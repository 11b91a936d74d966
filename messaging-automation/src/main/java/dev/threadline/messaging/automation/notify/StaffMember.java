package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A staff user and how they want to be told about new messages.
 *
 * @param notifyVia the channel notifications go out on ({@code sms} to {@code phone}, {@code email} to
 *        {@code email}); null for in-app only
 */
public record StaffMember(String tenantId, String id, String name, @Nullable String email, @Nullable String phone,
                          NotificationLevel level, @Nullable ChannelId notifyVia) {

    public StaffMember {
        Objects.requireNonNull(tenantId, "tenantId");
        if (id == null || id.isBlank()) {
            throw NonRetriableMessagingException.validation("id", "id is required");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (notifyVia != null && notifyVia.isPhoneBased() && phone == null) {
            throw NonRetriableMessagingException.validation("phone", "phone is required to notify via " + notifyVia);
        }
        if (ChannelId.EMAIL.equals(notifyVia) && email == null) {
            throw NonRetriableMessagingException.validation("email", "email is required to notify via email");
        }
    }

    public StaffMember withLevel(NotificationLevel value) {
        return new StaffMember(tenantId, id, name, email, phone, value, notifyVia);
    }

    /** The address notifications on {@link #notifyVia()} go to; null for in-app only. */
    public @Nullable String address() {
        if (notifyVia == null) {
            return null;
        }
        return notifyVia.isPhoneBased() ? phone : email;
    }
}
