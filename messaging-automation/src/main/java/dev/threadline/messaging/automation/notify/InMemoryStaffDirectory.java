package dev.threadline.messaging.automation.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Staff in memory: the default. */
public final class InMemoryStaffDirectory implements StaffDirectory {

    private final Map<String, ConcurrentSkipListMap<String, StaffMember>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void save(StaffMember member) {
        byTenant.computeIfAbsent(member.tenantId(), t -> new ConcurrentSkipListMap<>()).put(member.id(), member);
    }

    @Override
    public Optional<StaffMember> find(String tenantId, String memberId) {
        return Optional.ofNullable(byTenant.getOrDefault(tenantId, new ConcurrentSkipListMap<>()).get(memberId));
    }

    @Override
    public List<StaffMember> list(String tenantId) {
        return List.copyOf(byTenant.getOrDefault(tenantId, new ConcurrentSkipListMap<>()).values());
    }
}
