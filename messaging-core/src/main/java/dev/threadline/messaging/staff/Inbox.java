package dev.threadline.messaging.staff;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A queue of conversations: a phone number, a mailbox, a location, or one seller of a marketplace. Every
 * conversation belongs to one inbox; inbound messages go to the inbox whose {@link #addresses()} hold their
 * receiving address, else to the tenant's {@link #DEFAULT_ID default} inbox, which always exists.
 *
 * @param addresses receiving addresses (our numbers, our mailboxes) routed here, as stored on conversations
 * @param aiMode the AI mode of this inbox's conversations, or null for the tenant's
 */
public record Inbox(String tenantId, String id, String name, List<String> addresses, @Nullable AiMode aiMode) {

    /** The id of the inbox every tenant has. */
    public static final String DEFAULT_ID = "default";

    public Inbox {
        Objects.requireNonNull(tenantId, "tenantId");
        StaffUser.requireText("id", id);
        StaffUser.requireText("name", name);
        addresses = List.copyOf(addresses);
        if (addresses.stream().anyMatch(String::isBlank)) {
            throw NonRetriableMessagingException.validation("addresses", "addresses must not be blank");
        }
    }

    /** The default inbox of {@code tenantId}, as it is before anyone changes it. */
    public static Inbox defaultOf(String tenantId) {
        return new Inbox(tenantId, DEFAULT_ID, "Default", List.of(), null);
    }
}
