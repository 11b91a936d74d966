package dev.threadline.messaging.automation.notify;

import static dev.threadline.messaging.automation.AutomationFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.AutomationFixture;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The default notifier: staff are told through the manager's own SMS and email channels. */
class MessagingStaffNotifierTest {

    private final AutomationFixture fx = new AutomationFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void urgentMessageIsTextedToTheStaffPhone() {
        fx.automation.staff().save(new StaffMember(TENANT, "dana", "Dana", null, "+15559990000", NotificationLevel.ALL, ChannelId.SMS));

        fx.customerSms("Ana", "+15551234567", "I have a reaction to the peel");
        fx.deliverDue();

        assertThat(fx.sms.sent()).singleElement().satisfies(d -> {
            assertThat(d.conversation().customerPhone()).isEqualTo("+15559990000");
            assertThat(d.message().body()).isEqualTo("Urgent: new sms message from Ana: I have a reaction to the peel");
            assertThat(d.message().metadata()).containsEntry("kind", MessagingStaffNotifier.KIND);
        });
    }

    @Test
    void staffAnsweringANotificationIsNotNotifiedAboutThemselves() {
        fx.automation.staff().save(new StaffMember(TENANT, "dana", "Dana", null, "+15559990000", NotificationLevel.ALL, ChannelId.SMS));

        fx.customerSms("Dana", "+15559990000", "ok, on it");
        fx.deliverDue();

        assertThat(fx.sms.sent()).isEmpty();
    }

    @Test
    void digestIsEmailedWithOneLinePerConversation() {
        fx.automation.staff().save(new StaffMember(TENANT, "dana", "Dana", "dana@glow.example", null, NotificationLevel.NONE,
                ChannelId.EMAIL));
        fx.automation.staff().setLevel(TENANT, "dana", NotificationLevel.URGENT_ONLY);
        fx.customerSms("Ana", "+15551234567", "Can I move my appointment?");
        fx.advance(Duration.ofHours(3));

        fx.automation.notifications().sendDigest(TENANT, Duration.ofHours(2));
        fx.deliverDue();

        assertThat(fx.email.sent()).singleElement().satisfies(d -> {
            assertThat(d.conversation().customerEmail()).isEqualTo("dana@glow.example");
            assertThat(d.message().body()).isEqualTo("1 conversations waiting for a reply for 2 hours or more:\n\n"
                    + "- Ana (sms, waiting 3 hours): Can I move my appointment?");
        });
    }
}
