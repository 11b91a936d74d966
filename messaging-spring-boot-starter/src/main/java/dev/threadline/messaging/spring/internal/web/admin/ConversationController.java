package dev.threadline.messaging.spring.internal.web.admin;

import dev.threadline.messaging.ConversationDetail;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Channels;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
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

/** The conversation routes and {@code GET /unread}. Every lookup is scoped to the caller's tenant. */
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
                                @RequestParam(required = false) @Nullable String cursor) {
        ConversationQuery query = new ConversationQuery(
                channel == null || channel.isBlank() ? null : Channels.known(manager, channel, "channel"),
                status == null || status.isBlank() ? null : ConversationStatus.fromWire(status, "status"),
                unread != null && WireValues.bool("unread", unread),
                q,
                WireValues.integer("page", page, 1),
                WireValues.integer("page_size", pageSize, ConversationQuery.DEFAULT_PAGE_SIZE),
                cursor == null || cursor.isBlank() ? null : cursor);
        return Json.response(HttpStatus.OK, Views.ConversationList.of(manager.listConversations(caller.tenantId(), query)));
    }

    /** Every message, or with {@code messages} the newest that many (before {@code before}, to page back). */
    @GetMapping("/conversations/{id}")
    ResponseEntity<byte[]> get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                               @RequestParam(required = false) @Nullable String messages,
                               @RequestParam(required = false) @Nullable String before) {
        boolean window = messages != null && !messages.isBlank() || before != null && !before.isBlank();
        return Json.response(HttpStatus.OK, Views.Detail.of(!window ? manager.getConversation(caller.tenantId(), id)
                : manager.getConversation(caller.tenantId(), id, WireValues.integer("messages", messages, DEFAULT_MESSAGE_WINDOW),
                        before == null || before.isBlank() ? null : before)));
    }

    @PostMapping("/conversations/{id}/reply")
    ResponseEntity<byte[]> reply(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                 @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                 @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        String content = Json.object(contentType, body).requiredString("content");
        rateLimiter.acquire(caller.tenantId());
        return Json.response(HttpStatus.ACCEPTED, Views.Queued.of(manager.reply(caller.tenantId(), id, content, caller.actor())));
    }

    @PostMapping("/conversations/{id}/read")
    ResponseEntity<byte[]> markRead(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        manager.markRead(caller.tenantId(), id);
        return Json.response(HttpStatus.OK, new Views.UnreadCount(0));
    }

    @PatchMapping("/conversations/{id}")
    ResponseEntity<byte[]> update(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                  @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                  @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        ConversationStatus status = ConversationStatus.fromWire(Json.object(contentType, body).requiredString("status"), "status");
        manager.changeStatus(caller.tenantId(), id, status);
        ConversationDetail detail = manager.getConversation(caller.tenantId(), id);
        return Json.response(HttpStatus.OK, new Views.ConversationOnly(Views.ConversationView.of(detail.conversation(), detail.contact())));
    }

    @PostMapping("/conversations/{id}/score")
    ResponseEntity<byte[]> score(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        Satisfaction satisfaction = manager.score(caller.tenantId(), id);
        return Json.response(HttpStatus.OK, Views.SatisfactionView.of(satisfaction));
    }

    @GetMapping("/conversations/{id}/suggestions")
    ResponseEntity<byte[]> suggestions(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        return Json.response(HttpStatus.OK, new Views.Suggestions(manager.suggestReplies(caller.tenantId(), id)));
    }

    @GetMapping("/unread")
    ResponseEntity<byte[]> unread(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return Json.response(HttpStatus.OK, Views.Unread.of(manager.unreadCounts(caller.tenantId())));
    }
}
