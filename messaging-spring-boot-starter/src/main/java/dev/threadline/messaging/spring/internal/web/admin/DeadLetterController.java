package dev.threadline.messaging.spring.internal.web.admin;

import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.intake.IntakeEntry;
import dev.threadline.messaging.intake.WebhookIntake;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.RequiresRole;
import dev.threadline.messaging.staff.Role;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook requests that kept failing, for the tenant's admins: what the provider sent and why processing
 * failed, and a replay once the cause is fixed.
 */
@RestController
@RequiresRole(Role.ADMIN)
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class DeadLetterController {

    private static final int LIMIT = 100;

    private final WebhookIntake intake;

    DeadLetterController(WebhookIntake intake) {
        this.intake = intake;
    }

    @GetMapping("/webhooks/dead-letters")
    ResponseEntity<byte[]> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        List<DeadLetter> dead = intake.deadLetters(caller.tenantId(), LIMIT).stream().map(DeadLetter::of).toList();
        return Json.response(HttpStatus.OK, new DeadLetters(dead));
    }

    @PostMapping("/webhooks/dead-letters/{id}/replay")
    ResponseEntity<byte[]> replay(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        if (!intake.replay(caller.tenantId(), id)) {
            throw NonRetriableMessagingException.notFound("dead letter", id);
        }
        return Json.response(HttpStatus.ACCEPTED, new Replayed(id, "queued"));
    }

    record DeadLetters(List<DeadLetter> deadLetters) {
    }

    record DeadLetter(String id, String source, String receivedAt, int attempts, @Nullable String lastError, Map<String, String> fields) {
        static DeadLetter of(IntakeEntry e) {
            return new DeadLetter(e.request().id(), e.request().source(), Views.timestamp(e.request().receivedAt()), e.attempts(),
                    e.lastError(), e.request().fields());
        }
    }

    record Replayed(String id, String status) {
    }
}
