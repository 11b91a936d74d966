package dev.threadline.messaging.spring.internal.web.automation;

import dev.threadline.messaging.ContactDetail;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.campaign.ContactProfile;
import dev.threadline.messaging.automation.campaign.ContactProfiles;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Channels;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.RequiresRole;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.staff.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contact list and a contact's page: core's contacts with their channels, opt-outs and activity, and the tags
 * and time zone of their profile.
 */
@RestController
@RequiresRole(Role.ADMIN)
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class ContactController {

    private final MessageManager manager;
    private final ContactProfiles profiles;

    ContactController(MessagingAutomation automation, MessageManager manager) {
        this.manager = manager;
        this.profiles = automation.contactProfiles();
    }

    @GetMapping("/contacts")
    ResponseEntity<byte[]> list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                @RequestParam(required = false) @Nullable String q,
                                @RequestParam(required = false) @Nullable List<String> tag,
                                @RequestParam(required = false) @Nullable String channel,
                                @RequestParam(name = "opted_out", required = false) @Nullable String optedOut,
                                @RequestParam(name = "page_size", required = false) @Nullable String pageSize,
                                @RequestParam(required = false) @Nullable String cursor) {
        String tenantId = caller.tenantId();
        List<String> tags = tag == null ? List.of() : tag.stream().filter(t -> !t.isBlank()).toList();
        ContactQuery query = new ContactQuery(q,
                channel == null || channel.isBlank() ? null : Channels.known(manager, channel, "channel"),
                optedOut == null || optedOut.isBlank() ? null : WireValues.bool("opted_out", optedOut),
                tags.isEmpty() ? null : profiles.contactsTagged(tenantId, Set.copyOf(tags)),
                WireValues.integer("page_size", pageSize, ContactQuery.DEFAULT_PAGE_SIZE),
                cursor == null || cursor.isBlank() ? null : cursor);
        ContactPage page = manager.listContacts(tenantId, query);
        Map<String, ContactProfile> pageProfiles = profiles.ofContacts(tenantId,
                page.contacts().stream().map(summary -> summary.contact().id()).toList());
        return Json.response(HttpStatus.OK, AutomationViews.ContactList.of(page, pageProfiles::get));
    }

    @GetMapping("/contacts/{id}")
    ResponseEntity<byte[]> get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        ContactDetail detail = manager.getContact(caller.tenantId(), id);
        return Json.response(HttpStatus.OK, AutomationViews.ContactPageView.of(detail, profiles.ofContact(caller.tenantId(), id),
                manager.workspace(caller.actor()).staffNames()));
    }
}
