package dev.threadline.messaging.spring.internal.web.automation;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.schedule.ReminderRequest;
import dev.threadline.messaging.automation.schedule.Reminders;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.spring.internal.web.support.RequiresRole;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.staff.Role;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Templated messages sent later, such as appointment reminders: schedule, reschedule, cancel. */
@RestController
@RequiresRole(Role.ADMIN)
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class ScheduledMessageController {

    private final Reminders reminders;
    private final MessageManager manager;
    private final RateLimiter rateLimiter;

    ScheduledMessageController(MessagingAutomation automation, MessageManager manager, RateLimiter rateLimiter) {
        this.reminders = automation.reminders();
        this.manager = manager;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/scheduled-messages")
    ResponseEntity<byte[]> schedule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                    @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                    @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        ReminderRequest request = AutomationRequests.reminder(manager, caller.tenantId(), Json.object(contentType, body));
        rateLimiter.acquire(caller.tenantId());
        return Json.response(HttpStatus.CREATED, AutomationViews.Scheduled.of(reminders.schedule(request)));
    }

    @PatchMapping("/scheduled-messages/{id}")
    ResponseEntity<byte[]> reschedule(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                      @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                      @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        Instant sendAt = Json.object(contentType, body).requiredParsed("send_at", WireValues::instant);
        return Json.response(HttpStatus.OK, AutomationViews.Scheduled.of(reminders.reschedule(caller.tenantId(), id, sendAt)));
    }

    @DeleteMapping("/scheduled-messages/{id}")
    ResponseEntity<Void> cancel(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        reminders.cancel(caller.tenantId(), id);
        return ResponseEntity.noContent().build();
    }
}
