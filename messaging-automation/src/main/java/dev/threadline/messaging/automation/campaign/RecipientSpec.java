package dev.threadline.messaging.automation.campaign;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A recipient named explicitly when creating a campaign.
 *
 * @param address phone number (any common format) for phone channels, email address for email
 * @param zone the recipient's time zone; null uses their contact profile's, else the campaign's default
 * @param variables template variables for this recipient only
 */
public record RecipientSpec(@Nullable String name, String address, @Nullable ZoneId zone, Map<String, Object> variables) {

    public RecipientSpec {
        if (address == null || address.isBlank()) {
            throw NonRetriableMessagingException.validation("recipients.address", "every recipient needs an address");
        }
        variables = Map.copyOf(variables);
    }

    public static RecipientSpec of(@Nullable String name, String address) {
        return new RecipientSpec(name, address, null, Map.of());
    }
}
