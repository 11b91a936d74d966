package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.StaffUser;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Who owns a conversation and which inbox it is worked in; every change is on the timeline and published. */
public final class Assignments {

    private final ConversationStore store;
    private final Timeline timeline;

    Assignments(ConversationStore store, Timeline timeline) {
        this.store = store;
        this.timeline = timeline;
    }

    /** Gives {@code conversation} to {@code assignee}, or to nobody when null. */
    public Conversation assign(Conversation conversation, @Nullable StaffUser assignee, String actor) {
        String to = assignee == null ? null : assignee.id();
        if (Objects.equals(conversation.assigneeId(), to)) {
            return conversation;
        }
        Conversation updated = store.updateConversation(conversation.tenantId(), conversation.id(), c -> c.withAssignee(to));
        timeline.append(updated, ConversationEvent.ASSIGNED, Map.of("actor", actor,
                "from", Objects.requireNonNullElse(conversation.assigneeId(), ""), "to", Objects.requireNonNullElse(to, "")));
        timeline.updated(updated);
        return updated;
    }

    /**
     * Moves {@code conversation} to {@code inbox}; its assignee keeps it only if they work that inbox
     * ({@code assigneeStays}).
     */
    public Conversation move(Conversation conversation, Inbox inbox, boolean assigneeStays, String actor) {
        if (conversation.inboxId().equals(inbox.id())) {
            return conversation;
        }
        Conversation updated = store.updateConversation(conversation.tenantId(), conversation.id(),
                c -> assigneeStays ? c.withInbox(inbox.id()) : c.withInbox(inbox.id()).withAssignee(null));
        timeline.append(updated, ConversationEvent.MOVED, Map.of("actor", actor, "from", conversation.inboxId(), "to", inbox.id()));
        timeline.updated(updated);
        return updated;
    }

    /** Unassigns every active conversation of {@code userId}; answers how many. */
    public int unassignAll(String tenantId, String userId, String actor) {
        ConversationQuery query = ConversationQuery.all().withStatus(ConversationStatus.ACTIVE).withAssignee(userId)
                .withPage(1, ConversationQuery.MAX_PAGE_SIZE);
        int unassigned = 0;
        ConversationPage page = store.listConversations(tenantId, query);
        // Each page is read again from the start: unassigning takes the conversations off the filtered list.
        while (!page.conversations().isEmpty()) {
            for (Conversation conversation : page.conversations()) {
                assign(conversation, null, actor);
                unassigned++;
            }
            page = store.listConversations(tenantId, query);
        }
        return unassigned;
    }
}
