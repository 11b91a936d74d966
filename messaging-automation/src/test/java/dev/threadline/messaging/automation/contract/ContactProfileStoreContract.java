package dev.threadline.messaging.automation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.automation.campaign.ContactProfile;
import dev.threadline.messaging.automation.campaign.ContactProfileStore;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContactProfileStore} must do. A store's test extends this and returns an empty store from
 * {@link #createStore()}; it ships in messaging-automation's test jar (classifier {@code tests}).
 */
public abstract class ContactProfileStoreContract {

    private ContactProfileStore profiles;

    /** A store with no profiles, used by one test. */
    protected abstract ContactProfileStore createStore();

    @BeforeEach
    void setUpStore() {
        profiles = createStore();
    }

    @Test
    void severalProfilesAreFoundInOneRead() {
        ContactProfile amy = new ContactProfile("spa", "c-amy", Set.of("vip", "botox"), ZoneId.of("America/Chicago"));
        ContactProfile max = new ContactProfile("spa", "c-max", Set.of(), null);
        profiles.save(amy);
        profiles.save(max);
        profiles.save(new ContactProfile("spa", "c-zed", Set.of("vip"), null));
        profiles.save(new ContactProfile("other", "c-amy", Set.of("other"), null));

        assertThat(profiles.findAll("spa", List.of("c-max", "c-amy", "c-nobody", "c-amy"))).containsExactly(amy, max);
        assertThat(profiles.findAll("spa", List.of())).isEmpty();
    }

    @Test
    void aSavedProfileComesBackWithItsTagsAndZone() {
        ContactProfile ana = new ContactProfile("spa", "c-ana", Set.of("VIP", " botox "), ZoneId.of("America/Chicago"));
        ContactProfile ben = new ContactProfile("spa", "c-ben", Set.of(), null);

        profiles.save(ana);
        profiles.save(ben);

        assertThat(profiles.find("spa", "c-ana")).contains(ana);
        assertThat(profiles.find("spa", "c-ana").orElseThrow().tags()).containsExactlyInAnyOrder("vip", "botox");
        assertThat(profiles.find("spa", "c-ben")).contains(ben);
        assertThat(profiles.find("other", "c-ana")).isEmpty();
    }

    @Test
    void savingAgainReplacesTheTagsAndZone() {
        profiles.save(new ContactProfile("spa", "c-ana", Set.of("vip", "botox"), ZoneId.of("America/Chicago")));
        ContactProfile moved = new ContactProfile("spa", "c-ana", Set.of("filler"), ZoneId.of("Europe/Madrid"));

        profiles.save(moved);

        assertThat(profiles.find("spa", "c-ana")).contains(moved);
        assertThat(profiles.withTags("spa", Set.of("vip"))).isEmpty();
    }

    @Test
    void withTagsFindsTheContactsCarryingEveryTagOrderedById() {
        profiles.save(new ContactProfile("spa", "c-3", Set.of("vip", "botox"), null));
        profiles.save(new ContactProfile("spa", "c-1", Set.of("vip", "botox", "filler"), null));
        profiles.save(new ContactProfile("spa", "c-2", Set.of("vip"), null));
        profiles.save(new ContactProfile("other", "c-0", Set.of("vip", "botox"), null));

        assertThat(profiles.withTags("spa", Set.of("vip", "botox"))).extracting(ContactProfile::contactId).containsExactly("c-1", "c-3");
        assertThat(profiles.withTags("spa", Set.of("VIP"))).extracting(ContactProfile::contactId).containsExactly("c-1", "c-2", "c-3");
        assertThat(profiles.withTags("spa", Set.of())).extracting(ContactProfile::contactId).containsExactly("c-1", "c-2", "c-3");
        assertThat(profiles.withTags("spa", Set.of("unknown"))).isEmpty();
    }
}
