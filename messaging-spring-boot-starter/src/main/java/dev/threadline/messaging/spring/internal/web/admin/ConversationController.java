package dev.threadline.messaging.spring.internal.web.admin;

import dev.threadline.messaging.ConversationDetail;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Workspace;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Channels;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.JsonObject;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The conversation routes and {@code GET /unread}, through the caller's {@link Workspace}: scoped to the caller's tenant
 * and inboxes, each operation checked against the caller's role.
 */
@RestController
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class ConversationController {

    /** Messages of one window when a request pages with {@code before} but names no size. */
    private static final int DEFAULT_MESSAGE_WINDOW = 50;

    private final MessageManager manager;
    private final RateLimiter rateLimiter;

    ConversationController(MessageManager manager, RateLimiter rateLimiter) {
        this.manager = manager;
        this.rateLimiter = rateLimiter;
    }

    @GetMapping("/conversations")
    ResponseEntity<byte[]> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                @RequestParam(required = false) @Nullable String channel,
                                @RequestParam(required = false) @Nullable String status,
                                @RequestParam(required = false) @Nullable String q,
                                @RequestParam(required = false) @Nullable String unread,
                                @RequestParam(required = false) @Nullable String page,
                                @RequestParam(name = "page_size", required = false) @Nullable String pageSize,
                                @RequestParam(required = false) @Nullable String cursor,
                                @RequestParam(required = false) @Nullable String inbox,
                                @RequestParam(required = false) @Nullable String assignee,
                                @RequestParam(name = "awaiting_reply", required = false) @Nullable String awaitingReply,
                                @RequestParam(required = false) @Nullable String sort,
                                @RequestParam(name = "context_type", required = false) @Nullable String contextType,
                                @RequestParam(name = "context_id", required = false) @Nullable String contextId,
                                @RequestParam(required = false) @Nullable String spam,
                                @RequestParam(required = false) @Nullable String drafts) {
        ConversationQuery query = new ConversationQuery(
                blank(channel) ? null : Channels.known(manager, channel, "channel"),
                status(status, spam),
                unread != null && WireValues.bool("unread", unread),
                q,
                WireValues.integer("page", page, 1),
                WireValues.integer("page_size", pageSize, ConversationQuery.DEFAULT_PAGE_SIZE),
                blank(cursor) ? null : cursor,
                blank(inbox) ? null : Set.of(inbox.strip()), null, false,
                !blank(awaitingReply) && WireValues.bool("awaiting_reply", awaitingReply), waitingFirst(sort),
                blank(contextType) ? null : contextType.strip(), blank(contextId) ? null : contextId.strip(),
                !blank(drafts) && WireValues.bool("drafts", drafts));
        Workspace workspace = manager.workspace(caller.actor());
        return Json.response(HttpStatus.OK, Views.ConversationList.of(
                workspace.listConversations(withAssignee(query, assignee, caller)), workspace.staffNames()));
    }

    /** {@code status}, or with {@code spam=true} the spam the list otherwise leaves out. */
    private static @Nullable ConversationStatus status(@Nullable String status, @Nullable String spam) {
        ConversationStatus asked = blank(status) ? null : ConversationStatus.fromWire(status, "status");
        if (blank(spam) || !WireValues.bool("spam", spam)) {
            return asked;
        }
        if (asked != null && asked != ConversationStatus.SPAM) {
            throw NonRetriableMessagingException.validation("spam", "spam=true lists spam; it cannot be combined with status=" + status);
        }
        return ConversationStatus.SPAM;
    }

    /** {@code sort}: {@code activity} (newest first, the default) or {@code waiting} (longest waiting first). */
    private static boolean waitingFirst(@Nullable String sort) {
        if (blank(sort) || sort.strip().equals("activity")) {
            return false;
        }
        if (sort.strip().equals("waiting")) {
            return true;
        }
        throw NonRetriableMessagingException.validation("sort", "sort must be activity or waiting");
    }

    /** {@code assignee}: {@code me}, {@code none} or a staff user's id. */
    private static ConversationQuery withAssignee(ConversationQuery query, @Nullable String assignee, Caller caller) {
        if (blank(assignee)) {
            return query;
        }
        return switch (assignee.strip()) {
            case "none" -> query.withUnassignedOnly(true);
            case "me" -> {
                String me = caller.actor().userId();
                if (me == null) {
                    throw NonRetriableMessagingException.validation("assignee", "assignee=me needs a signed-in staff user, not an API key");
                }
                yield query.withAssignee(me);
            }
            default -> query.withAssignee(assignee.strip());
        };
    }

    /** Every message, or with {@code messages} the newest that many (before {@code before}, to page back). */
    @GetMapping("/conversations/{id}")
    ResponseEntity<byte[]> get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                               @RequestParam(required = false) @Nullable String messages,
                               @RequestParam(required = false) @Nullable String before) {
        boolean window = !blank(messages) || !blank(before);
        Workspace workspace = manager.workspace(caller.actor());
        ConversationDetail detail = !window ? workspace.getConversation(id)
                : workspace.getConversation(id, WireValues.integer("messages", messages, DEFAULT_MESSAGE_WINDOW), blank(before) ? null : before);
        return Json.response(HttpStatus.OK, Views.Detail.of(detail, workspace.staffNames(),
                m -> manager.scheduledFor(caller.tenantId(), m.id())));
    }

    @PostMapping("/conversations/{id}/reply")
    ResponseEntity<byte[]> reply(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                 @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                 @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject request = Json.object(contentType, body);
        String content = request.requiredString("content");
        Instant sendAt = request.parsed("send_at", WireValues::instant);
        rateLimiter.acquire(caller.tenantId());
        return Json.response(HttpStatus.ACCEPTED, Views.Queued.of(manager.workspace(caller.actor()).reply(id, content, sendAt)));
    }

    @PostMapping("/conversations/{id}/read")
    ResponseEntity<byte[]> markRead(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        manager.workspace(caller.actor()).markRead(id);
        return Json.response(HttpStatus.OK, new Views.UnreadCount(0));
    }

    /** Any of {@code status}, {@code assignee_id} (null unassigns) and {@code inbox_id}; at least one. */
    @PatchMapping("/conversations/{id}")
    ResponseEntity<byte[]> update(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                  @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                  @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        Set<String> names = json.names();
        if (!names.contains("status") && !names.contains("assignee_id") && !names.contains("inbox_id")) {
            throw NonRetriableMessagingException.validation("status", "give status, assignee_id or inbox_id");
        }
        Workspace workspace = manager.workspace(caller.actor());
        if (names.contains("inbox_id")) {
            workspace.moveToInbox(id, json.requiredString("inbox_id"));
        }
        if (names.contains("assignee_id")) {
            workspace.assign(id, json.string("assignee_id"));
        }
        if (names.contains("status")) {
            workspace.changeStatus(id, ConversationStatus.fromWire(json.requiredString("status"), "status"));
        }
        ConversationDetail detail = workspace.getConversation(id, 1, null);
        return Json.response(HttpStatus.OK, new Views.ConversationOnly(
                Views.ConversationView.of(detail.conversation(), detail.contact(), workspace.staffNames())));
    }

    @PostMapping("/conversations/{id}/score")
    ResponseEntity<byte[]> score(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        Satisfaction satisfaction = manager.workspace(caller.actor()).score(id);
        return Json.response(HttpStatus.OK, Views.SatisfactionView.of(satisfaction));
    }

    @GetMapping("/conversations/{id}/suggestions")
    ResponseEntity<byte[]> suggestions(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        return Json.response(HttpStatus.OK, new Views.Suggestions(manager.workspace(caller.actor()).suggestReplies(id)));
    }

    @GetMapping("/unread")
    ResponseEntity<byte[]> unread(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return Json.response(HttpStatus.OK, Views.Unread.of(manager.workspace(caller.actor()).unreadCounts()));
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
