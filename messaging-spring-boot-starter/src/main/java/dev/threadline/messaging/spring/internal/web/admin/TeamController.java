package dev.threadline.messaging.spring.internal.web.admin;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.Team;
import dev.threadline.messaging.spring.StaffPasswords;
import dev.threadline.messaging.spring.internal.web.support.Caller;
import dev.threadline.messaging.spring.internal.web.support.Json;
import dev.threadline.messaging.spring.internal.web.support.JsonObject;
import dev.threadline.messaging.spring.internal.web.support.WireValues;
import dev.threadline.messaging.staff.Actor;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /me}, the staff users, the inboxes and their members, through the caller's {@link Team}. */
@RestController
@RequestMapping("${messaging.api.base-path:/api/admin/messaging}")
public final class TeamController {

    private final MessageManager manager;
    private final @Nullable StaffPasswords passwords;

    TeamController(MessageManager manager, ObjectProvider<StaffPasswords> passwords) {
        this.manager = manager;
        this.passwords = passwords.getIfUnique();
    }

    record UserView(String id, String email, String name, String role, List<String> inboxIds, boolean active) {
        static UserView of(StaffUser u) {
            return new UserView(u.id(), u.email(), u.name(), u.role().wireName(), List.copyOf(u.inboxIds()), u.active());
        }
    }

    record InboxView(String id, String name, List<String> addresses, @Nullable String aiMode) {
        static InboxView of(Inbox i) {
            return new InboxView(i.id(), i.name(), i.addresses(), i.aiMode() == null ? null : i.aiMode().name().toLowerCase(Locale.ROOT));
        }
    }

    record Me(@Nullable UserView user, String role, List<InboxView> inboxes) {
    }

    record Users(List<UserView> users) {
    }

    record Inboxes(List<InboxView> inboxes) {
    }

    record UserOnly(UserView user) {
    }

    record InboxOnly(InboxView inbox) {
    }

    @GetMapping("/me")
    ResponseEntity<byte[]> me(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        Actor actor = caller.actor();
        return Json.response(HttpStatus.OK, new Me(actor.user() == null ? null : UserView.of(actor.user()), actor.role().wireName(),
                team(caller).inboxes().stream().map(InboxView::of).toList()));
    }

    @GetMapping("/users")
    ResponseEntity<byte[]> users(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return Json.response(HttpStatus.OK, new Users(team(caller).users().stream().map(UserView::of).toList()));
    }

    @PostMapping("/users")
    ResponseEntity<byte[]> createUser(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                      @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                      @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        String password = password(json);
        StaffUser user = team(caller).createUser(json.requiredString("email"), json.requiredString("name"),
                json.requiredParsed("role", (field, text) -> Role.fromWire(text, field)), Set.copyOf(json.strings("inbox_ids")));
        setPassword(user, password);
        return Json.response(HttpStatus.CREATED, new UserOnly(UserView.of(user)));
    }

    @PatchMapping("/users/{id}")
    ResponseEntity<byte[]> updateUser(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                      @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                      @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        String password = password(json);
        StaffUser user = team(caller).updateUser(id, json.string("email"), json.string("name"),
                json.parsed("role", (field, text) -> Role.fromWire(text, field)),
                json.names().contains("inbox_ids") ? Set.copyOf(json.strings("inbox_ids")) : null, json.bool("active"));
        setPassword(user, password);
        return Json.response(HttpStatus.OK, new UserOnly(UserView.of(user)));
    }

    @DeleteMapping("/users/{id}")
    ResponseEntity<Void> removeUser(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        team(caller).removeUser(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/inboxes")
    ResponseEntity<byte[]> inboxes(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return Json.response(HttpStatus.OK, new Inboxes(team(caller).inboxes().stream().map(InboxView::of).toList()));
    }

    @PostMapping("/inboxes")
    ResponseEntity<byte[]> createInbox(@RequestAttribute(Caller.ATTRIBUTE) Caller caller,
                                       @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                       @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        Inbox inbox = team(caller).createInbox(json.requiredString("name"), json.strings("addresses"), aiMode(json));
        return Json.response(HttpStatus.CREATED, new InboxOnly(InboxView.of(inbox)));
    }

    @PatchMapping("/inboxes/{id}")
    ResponseEntity<byte[]> updateInbox(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                       @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                       @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        Inbox inbox = team(caller).updateInbox(id, json.string("name"),
                json.names().contains("addresses") ? json.strings("addresses") : null, aiMode(json));
        return Json.response(HttpStatus.OK, new InboxOnly(InboxView.of(inbox)));
    }

    @DeleteMapping("/inboxes/{id}")
    ResponseEntity<Void> removeInbox(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id) {
        team(caller).removeInbox(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/inboxes/{id}/members")
    ResponseEntity<byte[]> setMembers(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, @PathVariable String id,
                                      @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
                                      @RequestBody(required = false) byte @Nullable [] body) throws HttpMediaTypeNotSupportedException {
        JsonObject json = Json.object(contentType, body);
        if (!json.names().contains("user_ids")) {
            throw NonRetriableMessagingException.validation("user_ids", "user_ids is required");
        }
        Team team = team(caller);
        team.setMembers(id, Set.copyOf(json.strings("user_ids")));
        return Json.response(HttpStatus.OK, new Users(team.users().stream().filter(u -> u.inboxIds().contains(id)).map(UserView::of).toList()));
    }

    /** The write-only password of a request, checked before anything is changed; null when none is given. */
    private @Nullable String password(JsonObject json) {
        String password = json.string("password");
        if (password == null) {
            return null;
        }
        if (passwords == null) {
            throw NonRetriableMessagingException.validation("password", "this app keeps no passwords: people sign in through its own login");
        }
        if (password.length() < StaffPasswords.MIN_LENGTH) {
            throw NonRetriableMessagingException.validation("password", "password must have at least " + StaffPasswords.MIN_LENGTH + " characters");
        }
        return password;
    }

    private void setPassword(StaffUser user, @Nullable String password) {
        if (password != null && passwords != null) {
            passwords.setPassword(user, password);
        }
    }

    private Team team(Caller caller) {
        return manager.team(caller.actor());
    }

    private static @Nullable AiMode aiMode(JsonObject json) {
        String mode = json.string("ai_mode");
        return mode == null ? null : WireValues.lowerCaseName(AiMode.class, "ai_mode", mode);
    }
}
