package dev.threadline.messaging.automation.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Tags and time zones of contacts, keyed by the core contact id. Implementations must be thread-safe. */
public interface ContactProfileStore {

    /** Stores the profile, replacing the contact's previous one. */
    void save(ContactProfile profile);

    Optional<ContactProfile> find(String tenantId, String contactId);

    /** The profiles of those of {@code contactIds} that have one, in one read (a page of the contact list). */
    List<ContactProfile> findAll(String tenantId, Collection<String> contactIds);

    /**
     * Profiles carrying every one of {@code tags}, compared as {@link ContactProfile} stores them (stripped, lower case),
     * ordered by contact id; all profiles of the tenant when empty.
     */
    List<ContactProfile> withTags(String tenantId, Set<String> tags);
}
