package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.Contact;
import dev.threadline.messaging.MessageManager;
import java.util.Objects;
import org.jspecify.annotations.Nullable;


/** Finds or creates the contact of a phone number or email address as given by a user. */
final class ContactAddresses {

    private final MessageManager manager;

    ContactAddresses(MessageManager manager) {
        this.manager = manager;
    }

    /** A normalized address and its contact. */
    record Found(String address, Contact contact) {
    }

    /**
     * Normalizes {@code raw} (an email when it has an {@code @}, else a phone number) and finds or creates its
     * contact, giving it {@code name} when it has none.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code validation_failed} on {@code field}
     */
    Found find(String tenantId, String raw, @Nullable String name, String field) {
        Contact contact = manager.contactFor(tenantId, raw, name, field);
        String address = raw.indexOf('@') >= 0 ? contact.email() : contact.phone();
        return new Found(Objects.requireNonNull(address, field), contact);
    }
}
