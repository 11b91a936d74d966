package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.Contact;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.support.EmailAddresses;
import dev.threadline.messaging.support.PhoneNumbers;
import org.jspecify.annotations.Nullable;

/** Finds or creates the contact of a phone number or email address as given by a user. */
final class ContactAddresses {

    private final ConversationStore store;
    private final String defaultRegion;

    ContactAddresses(ConversationStore store, String defaultRegion) {
        this.store = store;
        this.defaultRegion = defaultRegion;
    }

    /** A normalized address and its contact. */
    record Found(String address, Contact contact) {
    }

    /**
     * Normalizes {@code raw} (an email when it has an {@code @} or {@code email} is true, else a phone
     * number) and finds or creates its contact, giving it {@code name} when it has none.
     *
     * @throws dev.threadline.messaging.NonRetriableMessagingException {@code validation_failed} on {@code field}
     */
    Found find(String tenantId, String raw, boolean email, @Nullable String name, String field) {
        boolean isEmail = email || raw.indexOf('@') >= 0;
        String address = isEmail ? EmailAddresses.normalize(raw, field) : PhoneNumbers.toE164(raw, defaultRegion, field);
        Contact contact = store.upsertContact(tenantId, isEmail ? null : address, isEmail ? address : null, name);
        return new Found(address, contact);
    }
}
