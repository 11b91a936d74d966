package dev.threadline.messaging.memory;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.IdGenerator;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The contacts of the in-memory store, found by id or by address; one address never belongs to two contacts. Not
 * thread-safe: the store calls it under its lock.
 */
final class ContactBook {

    private final IdGenerator ids;
    private final Clock clock;
    private final Map<String, Contact> contacts = new HashMap<>();
    private final Map<String, String> contactIdByAddress = new HashMap<>();

    ContactBook(IdGenerator ids, Clock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    private static String key(String tenantId, String id) {
        return tenantId + "\u0000" + id;
    }

    Contact upsert(String tenantId, @Nullable String phone, @Nullable String email, @Nullable String name) {
        String existingId = phone != null ? contactIdByAddress.get(key(tenantId, "tel:" + phone)) : null;
        if (existingId == null && email != null) {
            existingId = contactIdByAddress.get(key(tenantId, "mailto:" + email));
        }
        Contact contact = existingId == null
                ? new Contact(ids.newId(), tenantId, name, phone, email, Set.of(), clock.instant())
                : fillIn(contacts.get(key(tenantId, existingId)), unclaimed(tenantId, "tel:", phone, existingId),
                        unclaimed(tenantId, "mailto:", email, existingId), name);
        contacts.put(key(tenantId, contact.id()), contact);
        if (contact.phone() != null) {
            contactIdByAddress.putIfAbsent(key(tenantId, "tel:" + contact.phone()), contact.id());
        }
        if (contact.email() != null) {
            contactIdByAddress.putIfAbsent(key(tenantId, "mailto:" + contact.email()), contact.id());
        }
        return contact;
    }

    /** The address, unless another contact has it. */
    private @Nullable String unclaimed(String tenantId, String scheme, @Nullable String address, String contactId) {
        if (address == null) {
            return null;
        }
        String owner = contactIdByAddress.get(key(tenantId, scheme + address));
        return owner == null || owner.equals(contactId) ? address : null;
    }

    private static Contact fillIn(Contact c, @Nullable String phone, @Nullable String email, @Nullable String name) {
        return new Contact(c.id(), c.tenantId(), c.name() != null ? c.name() : name, c.phone() != null ? c.phone() : phone,
                c.email() != null ? c.email() : email, c.optedOutChannels(), c.createdAt());
    }

    Optional<Contact> find(String tenantId, String contactId) {
        return Optional.ofNullable(contacts.get(key(tenantId, contactId)));
    }

    Stream<Contact> ofTenant(String tenantId) {
        return contacts.values().stream().filter(c -> c.tenantId().equals(tenantId));
    }

    Contact setOptedOut(String tenantId, String contactId, ChannelId channel, boolean optedOut) {
        Contact c = find(tenantId, contactId).orElseThrow(() -> NonRetriableMessagingException.notFound("contact", contactId));
        Set<ChannelId> channels = new HashSet<>(c.optedOutChannels());
        if (optedOut) {
            channels.add(channel);
        } else {
            channels.remove(channel);
        }
        Contact updated = new Contact(c.id(), tenantId, c.name(), c.phone(), c.email(), channels, c.createdAt());
        contacts.put(key(tenantId, contactId), updated);
        return updated;
    }
}
