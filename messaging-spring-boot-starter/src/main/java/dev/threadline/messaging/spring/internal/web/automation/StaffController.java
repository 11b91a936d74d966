package dev.threadline.messaging.spring.internal.web.automation;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.notify.StaffMember;
import dev.threadline.messaging.automation.notify.StaffNotifications;
import dev.threadline.messaging.spring.MessagingAutomationProperties;
import dev.threadline.messaging.spring.MessagingProperties;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.spring.internal.web.support.RequiresRole;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.staff.Role;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff members and their notification levels, and the digest of unanswered conversations. */
@RestController
@RequiresRole(Role.ADMIN)
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class StaffController {

    private final StaffDirectory staff;
    private final StaffNotifications notifications;
    private final MessageManager manager;
    private final RateLimiter rateLimiter;
    private final String defaultRegion;
    private final Duration unansweredFor;

    StaffController(MessagingAutomation automation, MessageManager manager, RateLimiter rateLimiter, MessagingProperties properties,
                    MessagingAutomationProperties automationProperties) {
        this.staff = automation.staff();
        this.notifications = automation.notifications();
        this.manager = manager;
        this.rateLimiter = rateLimiter;
        this.defaultRegion = properties.defaultRegion();
        this.unansweredFor = automationProperties.digest().unansweredFor();
    }

    @GetMapping("/staff")
    ResponseEntity<byte[]> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return Json.response(HttpStatus.OK, AutomationViews.StaffList.of(staff.list(caller.tenantId())));
    }

    @PutMapping("/staff/{id}")
    ResponseEntity<byte[]> save(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        StaffMember member = AutomationRequests.staffMember(manager, defaultRegion, caller.tenantId(), id, Json.object(contentType, body));
        staff.save(member);
        return Json.response(HttpStatus.OK, AutomationViews.StaffOnly.of(member));
    }

    @PatchMapping("/staff/{id}")
    ResponseEntity<byte[]> setLevel(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                    @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                    @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        var level = Json.object(contentType, body).requiredParsed("level", AutomationRequests::level);
        return Json.response(HttpStatus.OK, AutomationViews.StaffOnly.of(staff.setLevel(caller.tenantId(), id, level)));
    }

    @GetMapping("/digest")
    ResponseEntity<byte[]> digest(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                  @RequestParam(name = "unanswered_for", required = false) @Nullable String threshold) {
        Duration wait = threshold == null || threshold.isBlank() ? unansweredFor : WireValues.duration("unanswered_for", threshold);
        return Json.response(HttpStatus.OK, AutomationViews.DigestView.of(notifications.unanswered(caller.tenantId(), wait)));
    }

    @PostMapping("/digest/send")
    ResponseEntity<byte[]> sendDigest(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                      @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        Duration threshold = Json.optionalObject(contentType, body).parsed("unanswered_for", WireValues::duration);
        rateLimiter.acquire(caller.tenantId());
        return Json.response(HttpStatus.OK, AutomationViews.DigestView.of(
                notifications.sendDigest(caller.tenantId(), threshold == null ? unansweredFor : threshold)));
    }
}
