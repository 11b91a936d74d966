package dev.threadline.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the conversation list.
 *
 * @param total conversations matching the filters, across all pages: counted for a page asked by number, and
 *        carried forward unchanged by the cursor of later pages
 * @param nextCursor pass as {@link ConversationQuery#cursor()} for the next page; null on the last page
 * @param totalExact false when a text search stopped counting at {@link #MAX_COUNTED_MATCHES}: there are more
 */
public record ConversationPage(List<Conversation> conversations, long total, int page, int pageSize,
                               @Nullable String nextCursor, boolean totalExact) {

    /**
     * Matches a text search counts at most: counting every match of a common word costs far more than the page
     * itself, and nobody pages through thousands of results.
     */
    public static final int MAX_COUNTED_MATCHES = 1_000;

    public ConversationPage {
        conversations = List.copyOf(conversations);
    }

    /**
     * The page's total and exactness from a count that stopped at {@link #MAX_COUNTED_MATCHES} + 1 (a text search) or
     * did not stop: {@code counted} above the maximum means "more than the maximum".
     */
    public static ConversationPage of(List<Conversation> conversations, long counted, ConversationQuery query,
                                      @Nullable String nextCursor) {
        boolean capped = query.text() != null && counted > MAX_COUNTED_MATCHES;
        return new ConversationPage(conversations, capped ? MAX_COUNTED_MATCHES : counted, query.page(), query.pageSize(),
                nextCursor, !capped);
    }
}
