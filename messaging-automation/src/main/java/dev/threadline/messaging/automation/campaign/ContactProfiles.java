package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Tags and time zones of contacts, addressed the way staff know them: by phone number or email. A contact
 * that does not exist yet is created, so a list can be tagged before anyone has written.
 */
public final class ContactProfiles {

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    private final ContactProfileStore store;
    private final ContactAddresses addresses;

    public ContactProfiles(ContactProfileStore store, MessageManager manager) {
        this.store = Objects.requireNonNull(store, "store");
        this.addresses = new ContactAddresses(Objects.requireNonNull(manager, "manager"));
    }

    /**
     * The profile of the contact with this phone number or email (empty when nothing is known yet). Like
     * {@link dev.threadline.messaging.MessageManager#optOut}, an address without a contact gets one.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code address}
     */
    public ContactProfile get(String tenantId, String address) {
        return ofContact(tenantId, addresses.find(tenantId, address, null, "address").contact().id());
    }

    /** The profile of the contact with this id; empty when nothing is known of it. */
    public ContactProfile ofContact(String tenantId, String contactId) {
        return store.find(tenantId, contactId).orElse(new ContactProfile(tenantId, contactId, Set.of(), null));
    }

    /** The profiles of {@code contactIds} in one read, by contact id; a contact without one gets an empty profile. */
    public Map<String, ContactProfile> ofContacts(String tenantId, Collection<String> contactIds) {
        Map<String, ContactProfile> profiles = new HashMap<>();
        contactIds.forEach(id -> profiles.put(id, new ContactProfile(tenantId, id, Set.of(), null)));
        store.findAll(tenantId, contactIds).forEach(profile -> profiles.put(profile.contactId(), profile));
        return profiles;
    }

    /** The ids of the contacts carrying every one of {@code tags} (compared lower-case). */
    public Set<String> contactsTagged(String tenantId, Set<String> tags) {
        return store.withTags(tenantId, ContactProfile.normalizedTags(tags)).stream().map(ContactProfile::contactId)
                .collect(Collectors.toSet());
    }

    /**
     * Adds and removes tags and, when {@code zone} is not null, sets the time zone.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code address} or on {@code tags}
     *         for a tag that is not 1–32 letters, digits, {@code -} or {@code _}
     */
    public ContactProfile update(String tenantId, String address, Set<String> addTags, Set<String> removeTags, @Nullable ZoneId zone) {
        ContactProfile current = get(tenantId, address);
        Set<String> tags = new HashSet<>(current.tags());
        tags.addAll(checked(addTags));
        tags.removeAll(checked(removeTags));
        ContactProfile updated = new ContactProfile(tenantId, current.contactId(), tags, zone != null ? zone : current.zone());
        store.save(updated);
        return updated;
    }

    private static Set<String> checked(Set<String> tags) {
        Set<String> normalized = new HashSet<>();
        for (String tag : tags) {
            String t = tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw NonRetriableMessagingException.validation("tags", "tags are 1-32 letters, digits, '-' or '_': " + tag);
            }
            normalized.add(t);
        }
        return normalized;
    }
}
