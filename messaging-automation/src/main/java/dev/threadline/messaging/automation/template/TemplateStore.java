package dev.threadline.messaging.automation.template;

import java.util.List;
import java.util.Optional;

/** Where templates live, per tenant. Implementations must be thread-safe. */
public interface TemplateStore {

    /** Stores the template, replacing one of the same tenant and name. */
    void save(MessageTemplate template);

    Optional<MessageTemplate> find(String tenantId, String name);

    /** The tenant's templates ordered by name. */
    List<MessageTemplate> list(String tenantId);

    /** Removes the template; false when there was none. */
    boolean delete(String tenantId, String name);
}
