package dev.threadline.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A customer, found by normalized phone (E.164) or lower-cased email within one tenant.
 *
 * @param optedOutChannels channels the customer asked not to be messaged on
 */
public record Contact(String id, String tenantId, @Nullable String name, @Nullable String phone,
                      @Nullable String email, Set<ChannelId> optedOutChannels, Instant createdAt) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        optedOutChannels = Set.copyOf(optedOutChannels);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the customer opted out of {@code channel}. */
    public boolean isOptedOut(ChannelId channel) {
        return optedOutChannels.contains(channel);
    }
}
