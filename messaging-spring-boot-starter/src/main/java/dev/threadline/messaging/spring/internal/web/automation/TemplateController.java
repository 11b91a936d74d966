package dev.threadline.messaging.spring.internal.web.automation;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.TemplateKind;
import dev.threadline.messaging.automation.template.Templates;
import dev.threadline.messaging.spring.internal.web.admin.Views;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Channels;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.JsonObject;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.spring.internal.web.support.RequiresRole;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.staff.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Templates, their preview, and canned replies sent into a conversation. */
@RestController
@RequiresRole(Role.ADMIN)
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class TemplateController {

    private final Templates templates;
    private final MessageManager manager;
    private final RateLimiter rateLimiter;

    TemplateController(MessagingAutomation automation, MessageManager manager, RateLimiter rateLimiter) {
        this.templates = automation.templates();
        this.manager = manager;
        this.rateLimiter = rateLimiter;
    }

    @RequiresRole(Role.AGENT)
    @GetMapping("/templates")
    ResponseEntity<byte[]> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam(required = false) @Nullable String kind) {
        TemplateKind only = kind == null || kind.isBlank() ? null : WireValues.lowerCaseName(TemplateKind.class, "kind", kind);
        List<MessageTemplate> list = templates.list(caller.tenantId()).stream().filter(t -> only == null || t.kind() == only).toList();
        return Json.response(HttpStatus.OK, AutomationViews.TemplateList.of(list));
    }

    @PutMapping("/templates/{name}")
    ResponseEntity<byte[]> save(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String name,
                                @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        MessageTemplate template = AutomationRequests.template(manager, caller.tenantId(), name, Json.object(contentType, body));
        return Json.response(HttpStatus.OK, AutomationViews.TemplateOnly.of(templates.save(template)));
    }

    @RequiresRole(Role.AGENT)
    @GetMapping("/templates/{name}")
    ResponseEntity<byte[]> get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String name) {
        return Json.response(HttpStatus.OK, AutomationViews.TemplateOnly.of(templates.get(caller.tenantId(), name)));
    }

    @DeleteMapping("/templates/{name}")
    ResponseEntity<Void> delete(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String name) {
        templates.delete(caller.tenantId(), name);
        return ResponseEntity.noContent().build();
    }

    @RequiresRole(Role.AGENT)
    @PostMapping("/templates/{name}/preview")
    ResponseEntity<byte[]> preview(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String name,
                                   @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                   @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        ChannelId channel = Channels.known(manager, json.requiredString("channel"), "channel");
        return Json.response(HttpStatus.OK,
                AutomationViews.Rendered.of(templates.render(caller.tenantId(), name, channel, json.values("variables"))));
    }

    /** Agents answer with templates too, in the conversations they work. */
    @RequiresRole(Role.AGENT)
    @PostMapping("/conversations/{id}/canned-reply")
    ResponseEntity<byte[]> cannedReply(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                       @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                       @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        String template = json.requiredString("template");
        manager.workspace(caller.actor()).getConversation(id, 1, null);
        rateLimiter.acquire(caller.tenantId());
        return Json.response(HttpStatus.ACCEPTED,
                Views.Queued.of(templates.reply(caller.tenantId(), id, template, json.values("variables"), caller.label())));
    }
}
