package dev.threadline.messaging.automation.campaign;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Contact profiles in memory: the default. */
public final class InMemoryContactProfileStore implements ContactProfileStore {

    private final Map<String, Map<String, ContactProfile>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void save(ContactProfile profile) {
        byTenant.computeIfAbsent(profile.tenantId(), t -> new ConcurrentHashMap<>()).put(profile.contactId(), profile);
    }

    @Override
    public Optional<ContactProfile> find(String tenantId, String contactId) {
        return Optional.ofNullable(byTenant.getOrDefault(tenantId, Map.of()).get(contactId));
    }

    @Override
    public List<ContactProfile> findAll(String tenantId, Collection<String> contactIds) {
        Map<String, ContactProfile> ofTenant = byTenant.getOrDefault(tenantId, Map.of());
        return contactIds.stream().distinct().map(ofTenant::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(ContactProfile::contactId)).toList();
    }

    @Override
    public List<ContactProfile> withTags(String tenantId, Set<String> tags) {
        Set<String> wanted = ContactProfile.normalizedTags(tags);
        return byTenant.getOrDefault(tenantId, Map.of()).values().stream()
                .filter(p -> p.tags().containsAll(wanted))
                .sorted(Comparator.comparing(ContactProfile::contactId))
                .toList();
    }
}
