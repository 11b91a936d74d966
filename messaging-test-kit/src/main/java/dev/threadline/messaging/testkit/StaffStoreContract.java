package dev.threadline.messaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.Role;
import dev.threadline.messaging.staff.StaffUser;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StaffStore} must do: users unique by email within a tenant, inboxes whose addresses belong to
 * one inbox, the default inbox always there, memberships set as a whole, tenants kept apart. Extend it and return
 * a fresh, empty store from {@link #createStore}; the in-memory, H2 and PostgreSQL stores all run it.
 */
public abstract class StaffStoreContract {

    protected static final String TENANT = "acme";
    protected static final String OTHER_TENANT = "globex";

    protected StaffStore store;

    /** A new staff store with nothing in it; called before every test. */
    protected abstract StaffStore createStore();

    @BeforeEach
    void createEmptyStore() {
        store = createStore();
    }

    private static StaffUser user(String tenant, String id, String email, Role role, String... inboxes) {
        return new StaffUser(tenant, id, email, "Name " + id, role, Set.of(inboxes), true);
    }

    private static void assertFails(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MessagingException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aCreatedUserComesBackByIdAndByEmailInAnyCase() {
        StaffUser ana = store.createUser(user(TENANT, "u1", "Ana@Spa.Example", Role.AGENT, "front"));

        assertThat(ana.email()).isEqualTo("ana@spa.example");
        assertThat(store.findUser(TENANT, "u1")).contains(ana);
        assertThat(store.findUserByEmail(TENANT, "ANA@spa.example")).contains(ana);
        assertThat(store.users(TENANT)).containsExactly(ana);
    }

    @Test
    void twoUsersOfATenantCannotShareAnEmailButTwoTenantsCan() {
        store.createUser(user(TENANT, "u1", "ana@spa.example", Role.AGENT));

        assertFails(ErrorCode.CONFLICT, () -> store.createUser(user(TENANT, "u2", "ANA@spa.example", Role.VIEWER)));
        assertFails(ErrorCode.CONFLICT, () -> store.createUser(user(TENANT, "u1", "other@spa.example", Role.VIEWER)));
        store.createUser(user(OTHER_TENANT, "u2", "ana@spa.example", Role.OWNER));

        assertThat(store.users(TENANT)).extracting(StaffUser::id).containsExactly("u1");
        assertThat(store.findUser(OTHER_TENANT, "u1")).isEmpty();
        assertThat(store.findUserByEmail(OTHER_TENANT, "ana@spa.example")).get().extracting(StaffUser::role).isEqualTo(Role.OWNER);
    }

    @Test
    void racingCreatesOfOneEmailStoreOneUser() {
        List<Boolean> created = Concurrently.run(8, i -> {
            try {
                store.createUser(user(TENANT, "u" + i, "same@spa.example", Role.AGENT));
                return true;
            } catch (MessagingException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                return false;
            }
        });

        assertThat(created).filteredOn(c -> c).hasSize(1);
        assertThat(store.users(TENANT)).hasSize(1);
    }

    @Test
    void anUpdateChangesEveryFieldAndKeepsEmailsUnique() {
        store.createUser(user(TENANT, "u1", "ana@spa.example", Role.AGENT, "front"));
        store.createUser(user(TENANT, "u2", "ben@spa.example", Role.AGENT));

        StaffUser changed = store.updateUser(TENANT, "u1",
                u -> new StaffUser(TENANT, "u1", "ana.lima@spa.example", "Ana Lima", Role.ADMIN, Set.of("front", "mail"), false));

        assertThat(store.findUser(TENANT, "u1")).contains(changed);
        assertThat(changed.inboxIds()).containsExactly("front", "mail");
        assertThat(changed.active()).isFalse();
        assertFails(ErrorCode.CONFLICT, () -> store.updateUser(TENANT, "u2",
                u -> new StaffUser(TENANT, "u2", "ANA.LIMA@spa.example", u.name(), u.role(), u.inboxIds(), true)));
        assertFails(ErrorCode.NOT_FOUND, () -> store.updateUser(TENANT, "nobody", u -> u));
        assertFails(ErrorCode.NOT_FOUND, () -> store.updateUser(OTHER_TENANT, "u1", u -> u));
    }

    @Test
    void aRemovedUserIsGone() {
        store.createUser(user(TENANT, "u1", "ana@spa.example", Role.AGENT));

        assertThat(store.removeUser(OTHER_TENANT, "u1")).isFalse();
        assertThat(store.removeUser(TENANT, "u1")).isTrue();
        assertThat(store.removeUser(TENANT, "u1")).isFalse();
        assertThat(store.findUser(TENANT, "u1")).isEmpty();
        store.createUser(user(TENANT, "u3", "ana@spa.example", Role.AGENT));
    }

    @Test
    void theDefaultInboxAlwaysExistsAndComesFirst() {
        assertThat(store.inboxes(TENANT)).containsExactly(Inbox.defaultOf(TENANT));
        assertThat(store.findInbox(TENANT, Inbox.DEFAULT_ID)).contains(Inbox.defaultOf(TENANT));

        store.saveInbox(new Inbox(TENANT, "b", "Aardvark mail", List.of("hello@spa.example"), AiMode.DRAFT));
        Inbox renamed = store.saveInbox(new Inbox(TENANT, Inbox.DEFAULT_ID, "Front desk", List.of("+15550000001"), null));

        assertThat(store.inboxes(TENANT)).extracting(Inbox::id).containsExactly(Inbox.DEFAULT_ID, "b");
        assertThat(store.findInbox(TENANT, Inbox.DEFAULT_ID)).contains(renamed);
        assertThat(store.findInbox(TENANT, "b")).get().extracting(Inbox::aiMode).isEqualTo(AiMode.DRAFT);
        assertThat(store.findInbox(TENANT, "missing")).isEmpty();
        assertThat(store.inboxes(OTHER_TENANT)).containsExactly(Inbox.defaultOf(OTHER_TENANT));
    }

    @Test
    void anAddressRoutesToOneInboxOnly() {
        store.saveInbox(new Inbox(TENANT, "front", "Front desk", List.of("+15550000001", "+15550000002"), null));
        store.saveInbox(new Inbox(OTHER_TENANT, "theirs", "Theirs", List.of("+15550000001"), null));

        assertThat(store.inboxForAddress(TENANT, "+15550000002")).get().extracting(Inbox::id).isEqualTo("front");
        assertThat(store.inboxForAddress(OTHER_TENANT, "+15550000001")).get().extracting(Inbox::id).isEqualTo("theirs");
        assertThat(store.inboxForAddress(TENANT, "+15550000009")).isEmpty();
        assertFails(ErrorCode.CONFLICT, () -> store.saveInbox(new Inbox(TENANT, "mail", "Mail", List.of("+15550000002"), null)));

        store.saveInbox(new Inbox(TENANT, "front", "Front desk", List.of("+15550000001"), null));
        store.saveInbox(new Inbox(TENANT, "mail", "Mail", List.of("+15550000002"), null));
        assertThat(store.inboxForAddress(TENANT, "+15550000002")).get().extracting(Inbox::id).isEqualTo("mail");
    }

    @Test
    void membersAreSetAsAWhole() {
        store.createUser(user(TENANT, "u1", "ana@spa.example", Role.AGENT, "front"));
        store.createUser(user(TENANT, "u2", "ben@spa.example", Role.AGENT, "mail"));
        store.createUser(user(TENANT, "u3", "cy@spa.example", Role.VIEWER, "front", "mail"));

        store.setMembers(TENANT, "front", Set.of("u2", "u3"));

        assertThat(inboxesOf("u1")).isEmpty();
        assertThat(inboxesOf("u2")).containsExactly("front", "mail");
        assertThat(inboxesOf("u3")).containsExactly("front", "mail");
        assertFails(ErrorCode.VALIDATION_FAILED, () -> store.setMembers(TENANT, "front", Set.of("u1", "ghost")));
        assertThat(inboxesOf("u1")).as("a refused change changes nothing").isEmpty();
    }

    @Test
    void aRemovedInboxTakesItsAddressesAndMembershipsWithIt() {
        store.saveInbox(new Inbox(TENANT, "front", "Front desk", List.of("+15550000001"), null));
        store.createUser(user(TENANT, "u1", "ana@spa.example", Role.AGENT, "front", "mail"));

        assertThat(store.removeInbox(OTHER_TENANT, "front")).isFalse();
        assertThat(store.removeInbox(TENANT, "front")).isTrue();

        assertThat(store.findInbox(TENANT, "front")).isEmpty();
        assertThat(store.inboxForAddress(TENANT, "+15550000001")).isEmpty();
        assertThat(inboxesOf("u1")).containsExactly("mail");
        store.saveInbox(new Inbox(TENANT, "other", "Other", List.of("+15550000001"), null));
    }

    private Set<String> inboxesOf(String userId) {
        return Objects.requireNonNull(store.findUser(TENANT, userId).orElseThrow()).inboxIds();
    }
}
