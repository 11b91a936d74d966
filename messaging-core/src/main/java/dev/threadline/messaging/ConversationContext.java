package dev.threadline.messaging;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What a conversation is about, in the host's terms: a listing of a marketplace, an order, a booking. Staff lists
 * filter by {@link #type()} and {@link #id()}; {@link #title()} and {@link #url()} are for showing it.
 *
 * @param type the kind of thing, e.g. {@code listing}
 * @param id the host's id of it
 * @param title how staff see it, or null
 * @param url where it is, http or https, or null
 */
public record ConversationContext(String type, String id, @Nullable String title, @Nullable String url) {

    public ConversationContext {
        type = required("context_type", type, 64);
        id = required("context_id", id, 128);
        title = title == null || title.isBlank() ? null : limited("context_title", title.strip(), 200);
        url = url == null || url.isBlank() ? null : webAddress(url.strip());
    }

    private static String required(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw NonRetriableMessagingException.validation(field, field + " is required");
        }
        return limited(field, value.strip(), maxLength);
    }

    private static String limited(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw NonRetriableMessagingException.validation(field, field + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    private static String webAddress(String url) {
        limited("context_url", url, 2_000);
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return url;
            }
        } catch (java.net.URISyntaxException e) {
            // Reported below, with the field.
        }
        throw NonRetriableMessagingException.validation("context_url", "context_url must be an http or https address");
    }
}
