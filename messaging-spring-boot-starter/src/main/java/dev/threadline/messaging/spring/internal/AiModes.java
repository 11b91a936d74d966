package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.spring.MessagingProperties;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The AI mode of a tenant and channel from properties, most specific first: the tenant's channel override,
 * the tenant's mode, the global channel override, the global mode, else {@link AiMode#AUTO}.
 */
public final class AiModes implements BiFunction<String, ChannelId, AiMode> {

    private final MessagingProperties.Ai global;
    private final Map<String, MessagingProperties.Tenant> tenants;

    public AiModes(MessagingProperties properties) {
        this.global = properties.ai();
        this.tenants = properties.tenants();
    }

    @Override
    public AiMode apply(String tenantId, ChannelId channel) {
        MessagingProperties.Tenant tenant = tenants.get(tenantId);
        MessagingProperties.Ai tenantAi = tenant == null ? null : tenant.ai();
        AiMode mode = firstOf(
                tenantAi == null ? null : tenantAi.channels().get(channel.value()),
                tenantAi == null ? null : tenantAi.mode(),
                global.channels().get(channel.value()),
                global.mode());
        return mode == null ? AiMode.AUTO : mode;
    }

    private static @Nullable AiMode firstOf(@Nullable AiMode... candidates) {
        for (AiMode candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
