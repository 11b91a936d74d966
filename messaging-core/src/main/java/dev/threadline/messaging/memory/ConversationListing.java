package dev.threadline.messaging.memory;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.ConversationCursor;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The conversation list of the in-memory store: filters, newest activity first, offset or cursor pages. */
final class ConversationListing {

    private static final Comparator<Conversation> LIST_ORDER = Comparator
            .comparing(Conversation::lastActivityAt).thenComparing(Conversation::id).reversed();
    private static final Comparator<Conversation> WAITING_ORDER = Comparator
            .comparing((Conversation c) -> Objects.requireNonNull(c.awaitingReplySince())).thenComparing(Conversation::id);

    private ConversationListing() {
    }

    /** The page of {@code tenantConversations} the query asks for; {@code messages} gives a conversation's messages for text search. */
    static ConversationPage page(Stream<Conversation> tenantConversations, ConversationQuery query,
                                 Function<Conversation, List<Message>> messages) {
        List<Conversation> matching = tenantConversations
                .filter(matches(query, messages))
                .sorted(query.longestWaitingFirst() ? WAITING_ORDER : LIST_ORDER)
                .toList();
        Stream<Conversation> window = matching.stream();
        // A text search counts at most one match over the maximum, as the database stores do.
        long total = query.text() == null ? matching.size() : Math.min(matching.size(), ConversationPage.MAX_COUNTED_MATCHES + 1L);
        if (query.cursor() != null) {
            ConversationCursor cursor = ConversationCursor.decode(query.cursor());
            window = window.filter(c -> cursor.isFollowedBy(c, query));
            total = cursor.total();
        } else {
            window = window.skip(query.offset());
        }
        List<Conversation> page = window.limit(query.pageSize() + 1L).toList();
        boolean more = page.size() > query.pageSize();
        List<Conversation> items = more ? page.subList(0, query.pageSize()) : page;
        String next = more ? ConversationCursor.after(items.get(items.size() - 1), total, query).encode() : null;
        return ConversationPage.of(items, total, query, next);
    }

    private static Predicate<Conversation> matches(ConversationQuery query, Function<Conversation, List<Message>> messages) {
        String needle = query.text() == null ? null : query.text().toLowerCase(Locale.ROOT);
        return c -> (query.channel() == null || query.channel().equals(c.channel()))
                && (query.status() == null ? c.status() != ConversationStatus.SPAM : query.status() == c.status())
                && (!query.unreadOnly() || c.unreadCount() > 0)
                && (query.inboxIds() == null || query.inboxIds().contains(c.inboxId()))
                && (query.assigneeId() == null || query.assigneeId().equals(c.assigneeId()))
                && (!query.unassignedOnly() || c.assigneeId() == null)
                && (!query.awaitingReplyOnly() && !query.longestWaitingFirst() || c.awaitingReplySince() != null)
                && (query.contextType() == null || c.context() != null && query.contextType().equals(c.context().type())
                        && (query.contextId() == null || query.contextId().equals(c.context().id())))
                && (!query.draftsOnly() || messages.apply(c).stream().anyMatch(m -> m.status() == DeliveryStatus.DRAFT))
                && (needle == null || mentions(c, needle, messages));
    }

    private static boolean mentions(Conversation c, String needle, Function<Conversation, List<Message>> messages) {
        return Stream.of(c.customerName(), c.customerPhone(), c.customerEmail(), c.subject())
                .anyMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(needle))
                || messages.apply(c).stream().anyMatch(m -> m.body().toLowerCase(Locale.ROOT).contains(needle));
    }
}
