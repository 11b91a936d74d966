package dev.threadline.messaging;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for the contact list (see {@link MessageManager#listContacts}).
 *
 * @param text matches the contact's name, phone or email (case-insensitive)
 * @param channel keeps contacts with a conversation on this channel
 * @param optedOut true keeps contacts opted out of {@code channel} (of any channel when it is null), false those not
 * @param ids keeps only these contacts (e.g. those carrying a tag), or null for all
 * @param pageSize 1 to {@value #MAX_PAGE_SIZE}
 * @param cursor a {@link ContactPage#nextCursor()} from the previous page
 */
public record ContactQuery(@Nullable String text, @Nullable ChannelId channel, @Nullable Boolean optedOut,
                           @Nullable Set<String> ids, int pageSize, @Nullable String cursor) {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    public ContactQuery {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw NonRetriableMessagingException.validation("page_size", "page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        text = text == null || text.isBlank() ? null : text.strip();
        ids = ids == null ? null : Set.copyOf(ids);
    }

    /** Every contact, first page of the default size. */
    public static ContactQuery all() {
        return new ContactQuery(null, null, null, null, DEFAULT_PAGE_SIZE, null);
    }

    public ContactQuery withText(@Nullable String value) {
        return new ContactQuery(value, channel, optedOut, ids, pageSize, cursor);
    }

    public ContactQuery withChannel(@Nullable ChannelId value) {
        return new ContactQuery(text, value, optedOut, ids, pageSize, cursor);
    }

    public ContactQuery withOptedOut(@Nullable Boolean value) {
        return new ContactQuery(text, channel, value, ids, pageSize, cursor);
    }

    public ContactQuery withIds(@Nullable Set<String> value) {
        return new ContactQuery(text, channel, optedOut, value, pageSize, cursor);
    }

    public ContactQuery withPageSize(int value) {
        return new ContactQuery(text, channel, optedOut, ids, value, cursor);
    }

    public ContactQuery withCursor(@Nullable String value) {
        return new ContactQuery(text, channel, optedOut, ids, pageSize, value);
    }

    /** Whether {@code contact}'s consent is what {@link #optedOut()} asks for. */
    public boolean matchesConsent(Contact contact) {
        if (optedOut == null) {
            return true;
        }
        boolean out = channel != null ? contact.isOptedOut(channel) : !contact.optedOutChannels().isEmpty();
        return out == optedOut;
    }
}
