package dev.threadline.messaging.automation.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.automation.notify.NotificationLevel;
import dev.threadline.messaging.automation.notify.StaffDirectory;
import dev.threadline.messaging.automation.notify.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StaffDirectory} must do. A store's test extends this and returns an empty directory from
 * {@link #createStore()}; it ships in messaging-automation's test jar (classifier {@code tests}).
 */
public abstract class StaffDirectoryContract {

    private StaffDirectory staff;

    /** A directory with no members, used by one test. */
    protected abstract StaffDirectory createStore();

    @BeforeEach
    void setUpStore() {
        staff = createStore();
    }

    @Test
    void aSavedMemberComesBackWithEveryField() {
        StaffMember owner = new StaffMember("spa", "owner", "Olivia", "olivia@glow.example", "+15125550100",
                NotificationLevel.URGENT_ONLY, ChannelId.SMS);
        StaffMember silent = new StaffMember("spa", "front-desk", "Frank", null, null, NotificationLevel.NONE, null);

        staff.save(owner);
        staff.save(silent);

        assertThat(staff.find("spa", "owner")).contains(owner);
        assertThat(staff.find("spa", "front-desk")).contains(silent);
        assertThat(staff.find("other", "owner")).isEmpty();
    }

    @Test
    void savingTheSameIdReplacesTheMemberAndTheListIsOrderedById() {
        staff.save(new StaffMember("spa", "b-provider", "Bea", "bea@glow.example", null, NotificationLevel.ALL, ChannelId.EMAIL));
        staff.save(new StaffMember("spa", "a-owner", "Ann", null, null, NotificationLevel.ALL, null));
        StaffMember moved = new StaffMember("spa", "b-provider", "Bea Stone", null, "+15125550101", NotificationLevel.ALL, ChannelId.SMS);
        staff.save(moved);
        staff.save(new StaffMember("other", "0-first", "Not yours", null, null, NotificationLevel.ALL, null));

        assertThat(staff.list("spa")).extracting(StaffMember::id).containsExactly("a-owner", "b-provider");
        assertThat(staff.find("spa", "b-provider")).contains(moved);
    }

    @Test
    void setLevelChangesOneMemberAndRefusesAnUnknownOne() {
        staff.save(new StaffMember("spa", "owner", "Olivia", null, null, NotificationLevel.ALL, null));

        StaffMember updated = staff.setLevel("spa", "owner", NotificationLevel.NONE);

        assertThat(updated.level()).isEqualTo(NotificationLevel.NONE);
        assertThat(staff.find("spa", "owner")).contains(updated);
        assertThatThrownBy(() -> staff.setLevel("spa", "nobody", NotificationLevel.ALL))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }
}
