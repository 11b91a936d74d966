package dev.threadline.messaging.spring.internal.web.admin;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Approving and discarding AI drafts, and canceling scheduled replies. */
@RestController
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class MessageController {

    private final MessageManager manager;
    private final RateLimiter rateLimiter;

    MessageController(MessageManager manager, RateLimiter rateLimiter) {
        this.manager = manager;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/messages/{id}/approve")
    ResponseEntity<byte[]> approve(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                   @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                   @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        String edited = Json.optionalObject(contentType, body).string("content");
        rateLimiter.acquire(caller.tenantId());
        return Json.response(HttpStatus.ACCEPTED, Views.Queued.of(manager.workspace(caller.actor()).approveDraft(id, edited)));
    }

    @DeleteMapping("/messages/{id}")
    ResponseEntity<Void> withdraw(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        manager.workspace(caller.actor()).withdraw(id);
        return ResponseEntity.noContent().build();
    }
}
