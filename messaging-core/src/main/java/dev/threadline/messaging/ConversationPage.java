package dev.threadline.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the conversation list.
 *
 * @param total conversations matching the filters, across all pages: counted for a page asked by number, and
 *        carried forward unchanged by the cursor of later pages
 * @param nextCursor pass as {@link ConversationQuery#cursor()} for the next page; null on the last page
 */
public record ConversationPage(List<Conversation> conversations, long total, int page, int pageSize,
                               @Nullable String nextCursor) {
    public ConversationPage {
        conversations = List.copyOf(conversations);
    }
}
