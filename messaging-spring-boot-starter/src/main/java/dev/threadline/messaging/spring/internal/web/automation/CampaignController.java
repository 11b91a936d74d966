package dev.threadline.messaging.spring.internal.web.automation;

import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.Campaigns;
import dev.threadline.messaging.automation.campaign.ContactProfiles;
import dev.threadline.messaging.automation.campaign.RecipientStatus;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.JsonObject;
import dev.threadline.messaging.spring.internal.web.support.RateLimiter;
import dev.threadline.messaging.spring.internal.web.support.RequiresRole;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.staff.Role;
import java.util.LinkedHashSet;
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

/** Campaigns and their recipients, the campaign of a conversation, and the contact profiles segments use. */
@RestController
@RequiresRole(Role.ADMIN)
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class CampaignController {

    private final Campaigns campaigns;
    private final ContactProfiles profiles;
    private final MessageManager manager;
    private final RateLimiter rateLimiter;

    CampaignController(MessagingAutomation automation, MessageManager manager, RateLimiter rateLimiter) {
        this.campaigns = automation.campaigns();
        this.profiles = automation.contactProfiles();
        this.manager = manager;
        this.rateLimiter = rateLimiter;
    }

    @PostMapping("/campaigns")
    ResponseEntity<byte[]> create(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                  @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                  @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        Campaign campaign = campaigns.create(AutomationRequests.campaign(manager, caller.tenantId(), Json.object(contentType, body)));
        return withProgress(HttpStatus.CREATED, campaign);
    }

    @GetMapping("/campaigns")
    ResponseEntity<byte[]> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return Json.response(HttpStatus.OK, AutomationViews.CampaignList.of(campaigns.list(caller.tenantId())));
    }

    @GetMapping("/campaigns/{id}")
    ResponseEntity<byte[]> get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        return withProgress(HttpStatus.OK, campaigns.get(caller.tenantId(), id));
    }

    @PostMapping("/campaigns/{id}/start")
    ResponseEntity<byte[]> start(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        rateLimiter.acquire(caller.tenantId());
        return withProgress(HttpStatus.OK, campaigns.start(caller.tenantId(), id));
    }

    @PostMapping("/campaigns/{id}/pause")
    ResponseEntity<byte[]> pause(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        return withProgress(HttpStatus.OK, campaigns.pause(caller.tenantId(), id));
    }

    @PostMapping("/campaigns/{id}/resume")
    ResponseEntity<byte[]> resume(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        rateLimiter.acquire(caller.tenantId());
        return withProgress(HttpStatus.OK, campaigns.resume(caller.tenantId(), id));
    }

    @PostMapping("/campaigns/{id}/cancel")
    ResponseEntity<byte[]> cancel(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        return withProgress(HttpStatus.OK, campaigns.cancel(caller.tenantId(), id));
    }

    @GetMapping("/campaigns/{id}/recipients")
    ResponseEntity<byte[]> recipients(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                      @RequestParam(required = false) @Nullable String status) {
        RecipientStatus only = status == null || status.isBlank() ? null
                : WireValues.lowerCaseName(RecipientStatus.class, "status", status);
        return Json.response(HttpStatus.OK, AutomationViews.RecipientList.of(campaigns.recipients(caller.tenantId(), id, only)));
    }

    @GetMapping("/conversations/{id}/campaign")
    ResponseEntity<byte[]> campaignOf(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        // Another tenant's conversation is a 404, not an empty answer.
        String conversationId = manager.getConversation(caller.tenantId(), id).conversation().id();
        Campaign campaign = campaigns.campaignOf(caller.tenantId(), conversationId).orElse(null);
        return Json.response(HttpStatus.OK, new AutomationViews.CampaignOnly(AutomationViews.CampaignView.of(campaign)));
    }

    @GetMapping("/contacts/profile")
    ResponseEntity<byte[]> profile(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @RequestParam String address) {
        return Json.response(HttpStatus.OK, AutomationViews.ProfileView.of(profiles.get(caller.tenantId(), address)));
    }

    @PatchMapping("/contacts/profile")
    ResponseEntity<byte[]> updateProfile(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                         @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                         @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        return Json.response(HttpStatus.OK, AutomationViews.ProfileView.of(profiles.update(caller.tenantId(),
                json.requiredString("address"), new LinkedHashSet<>(json.strings("add_tags")),
                new LinkedHashSet<>(json.strings("remove_tags")), json.parsed("time_zone", WireValues::zone))));
    }

    private ResponseEntity<byte[]> withProgress(HttpStatus status, Campaign campaign) {
        return Json.response(status, AutomationViews.CampaignWithProgress.of(campaign,
                campaigns.progress(campaign.tenantId(), campaign.id())));
    }
}
