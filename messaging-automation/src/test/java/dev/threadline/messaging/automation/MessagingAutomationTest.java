package dev.threadline.messaging.automation;

import static dev.threadline.messaging.automation.AutomationFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignRequest;
import dev.threadline.messaging.automation.campaign.RecipientSpec;
import dev.threadline.messaging.automation.notify.NotificationLevel;
import dev.threadline.messaging.automation.notify.StaffMember;
import dev.threadline.messaging.automation.notify.StaffNotification;
import dev.threadline.messaging.automation.template.MessageTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagingAutomationTest {

    private final List<StaffNotification> notified = new ArrayList<>();
    private final AutomationFixture fx = new AutomationFixture(Instant.parse("2026-11-21T15:00:00Z"),
            b -> b.staffNotifier((member, n) -> notified.add(n)));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void closedAutomationNoLongerFollowsTheManagersEvents() {
        fx.automation.staff().save(new StaffMember(TENANT, "dana", "Dana", null, null, NotificationLevel.ALL, null));
        fx.automation.close();

        fx.customerSms("Ana", "+15551234567", "hello");

        assertThat(notified).isEmpty();
    }

    @Test
    void emailCampaignGoesToTheNormalizedAddressWithTheTemplatesSubject() {
        fx.automation.templates().save(MessageTemplate.builder(TENANT, "news")
                .email("News for {{customer.name}}", "Dear {{customer.name}}, we have moved.").build());
        Campaign campaign = fx.automation.campaigns().create(CampaignRequest.builder(TENANT, "Moving", "news", ChannelId.EMAIL)
                .marketing(false).recipients(List.of(RecipientSpec.of("Bo", "Bo@Example.COM"))).build());
        fx.automation.campaigns().start(TENANT, campaign.id());

        fx.deliverDue();

        assertThat(fx.email.sent()).singleElement().satisfies(d -> {
            assertThat(d.conversation().customerEmail()).isEqualTo("bo@example.com");
            assertThat(d.conversation().subject()).isEqualTo("News for Bo");
            assertThat(d.message().body()).isEqualTo("Dear Bo, we have moved.");
        });
    }
}
