package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.staff.Actor;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Keeps the inboxes {@code messaging.inboxes.<id>} names as configured, at every start, before any webhook is
 * processed: name, receiving addresses and AI mode. Memberships are the API's.
 */
public final class ConfiguredInboxes implements SmartInitializingSingleton {

    private final MessageManager manager;
    private final MessagingProperties properties;

    public ConfiguredInboxes(MessageManager manager, MessagingProperties properties) {
        this.manager = manager;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Map.Entry<String, MessagingProperties.Inbox> entry : properties.inboxes().entrySet()) {
            MessagingProperties.Inbox inbox = entry.getValue();
            String tenant = Objects.requireNonNullElse(inbox.tenant(), properties.defaultTenant());
            manager.team(Actor.apiKey(tenant, "configuration")).defineInbox(entry.getKey(),
                    Objects.requireNonNullElse(inbox.name(), entry.getKey()), inbox.addresses(), inbox.aiMode());
        }
    }
}
