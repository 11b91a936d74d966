package dev.threadline.messaging.automation.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Templates in memory: the default, and enough for hosts that define their templates in code at startup. */
public final class InMemoryTemplateStore implements TemplateStore {

    private final Map<String, ConcurrentSkipListMap<String, MessageTemplate>> byTenant = new ConcurrentHashMap<>();

    @Override
    public void save(MessageTemplate template) {
        byTenant.computeIfAbsent(template.tenantId(), t -> new ConcurrentSkipListMap<>()).put(template.name(), template);
    }

    @Override
    public Optional<MessageTemplate> find(String tenantId, String name) {
        return Optional.ofNullable(byTenant.getOrDefault(tenantId, new ConcurrentSkipListMap<>()).get(name));
    }

    @Override
    public List<MessageTemplate> list(String tenantId) {
        return List.copyOf(byTenant.getOrDefault(tenantId, new ConcurrentSkipListMap<>()).values());
    }

    @Override
    public boolean delete(String tenantId, String name) {
        var templates = byTenant.get(tenantId);
        return templates != null && templates.remove(name) != null;
    }
}
