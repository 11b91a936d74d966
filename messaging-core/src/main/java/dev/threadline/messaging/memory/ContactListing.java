package dev.threadline.messaging.memory;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.ContactSummary;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.spi.ContactCursor;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The contact list of the in-memory store: filters, ids descending, cursor pages. */
final class ContactListing {

    private ContactListing() {
    }

    static ContactPage page(Stream<Contact> tenantContacts, Map<String, List<Conversation>> conversationsByContact, ContactQuery query) {
        String after = query.cursor() == null ? null : ContactCursor.decode(query.cursor()).id();
        String needle = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        List<ContactSummary> matching = tenantContacts
                .filter(c -> after == null || c.id().compareTo(after) < 0)
                .filter(c -> query.ids() == null || query.ids().contains(c.id()))
                .filter(c -> needle == null || Stream.of(c.name(), c.phone(), c.email())
                        .anyMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(needle)))
                .filter(query::matchesConsent)
                .map(c -> summary(c, conversationsByContact.getOrDefault(c.id(), List.of())))
                .filter(s -> query.channel() == null || s.channels().contains(query.channel()))
                .sorted(Comparator.comparing((ContactSummary s) -> s.contact().id()).reversed())
                .limit(query.pageSize() + 1L)
                .toList();
        boolean more = matching.size() > query.pageSize();
        List<ContactSummary> items = more ? matching.subList(0, query.pageSize()) : matching;
        return new ContactPage(items, more ? new ContactCursor(items.get(items.size() - 1).contact().id()).encode() : null);
    }

    private static ContactSummary summary(Contact contact, List<Conversation> conversations) {
        Set<ChannelId> channels = conversations.stream().map(Conversation::channel).collect(Collectors.toSet());
        Instant last = conversations.stream().map(Conversation::lastActivityAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        return new ContactSummary(contact, channels, last, conversations.size());
    }
}
