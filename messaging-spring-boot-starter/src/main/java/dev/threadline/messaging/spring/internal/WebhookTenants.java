package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.support.EmailAddresses;
import dev.threadline.messaging.support.PhoneNumbers;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the tenant of a webhook from the address the customer wrote to, as configured in
 * {@code messaging.tenants.<tenant>.addresses}; unmapped addresses belong to {@code messaging.default-tenant}.
 */
public final class WebhookTenants {

    private static final Pattern EMAIL_IN_HEADER = Pattern.compile("[^\\s<>\",;]+@[^\\s<>\",;]+");

    private final Map<String, String> tenantByAddress = new HashMap<>();
    private final String defaultTenant;
    private final String defaultRegion;

    public WebhookTenants(MessagingProperties properties) {
        this.defaultTenant = properties.defaultTenant();
        this.defaultRegion = properties.defaultRegion();
        properties.tenants().forEach((tenant, settings) -> settings.addresses().forEach(address -> {
            String key = normalize(address).orElseThrow(() -> new IllegalArgumentException(
                    "messaging.tenants." + tenant + ".addresses: not a phone number or email address: " + address));
            String earlier = tenantByAddress.put(key, tenant);
            if (earlier != null && !earlier.equals(tenant)) {
                throw new IllegalArgumentException("address " + address + " is configured for tenants " + earlier + " and " + tenant);
            }
        }));
    }

    /** The tenant of a phone-channel webhook sent to {@code to} (E.164, optionally {@code whatsapp:}-prefixed). */
    public String forPhone(@Nullable String to) {
        if (to == null || to.isBlank()) {
            return defaultTenant;
        }
        return normalize(to).map(tenantByAddress::get).orElse(defaultTenant);
    }

    /**
     * The tenant of an inbound email whose {@code To} header is {@code toHeader} (a list of addresses,
     * possibly with display names): the first mapped address wins.
     */
    public String forEmail(@Nullable String toHeader) {
        if (toHeader == null) {
            return defaultTenant;
        }
        Matcher matcher = EMAIL_IN_HEADER.matcher(toHeader);
        while (matcher.find()) {
            String tenant = tenantByAddress.get(matcher.group().toLowerCase(Locale.ROOT));
            if (tenant != null) {
                return tenant;
            }
        }
        return defaultTenant;
    }

    private Optional<String> normalize(String address) {
        try {
            return Optional.of(address.contains("@")
                    ? EmailAddresses.normalize(address, "address")
                    : PhoneNumbers.toE164(address, defaultRegion, "address"));
        } catch (NonRetriableMessagingException e) {
            return Optional.empty();
        }
    }
}
