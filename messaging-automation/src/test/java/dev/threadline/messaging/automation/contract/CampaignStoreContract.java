package dev.threadline.messaging.automation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignRecipient;
import dev.threadline.messaging.automation.campaign.CampaignStatus;
import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.QuietHours;
import dev.threadline.messaging.automation.campaign.RecipientStatus;
import dev.threadline.messaging.automation.campaign.ZoneSource;
import dev.threadline.messaging.testkit.Concurrently;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CampaignStore} must do. A store's test extends this and returns an empty store from
 * {@link #createStore()}; it ships in messaging-automation's test jar (classifier {@code tests}).
 */
public abstract class CampaignStoreContract {

    private static final Instant T0 = Instant.parse("2026-11-21T15:00:00Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private CampaignStore store;

    /** A store with no campaigns, used by one test. */
    protected abstract CampaignStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Test
    void aSavedCampaignComesBackWithEveryFieldAndAStatusChangeReplacesIt() {
        Campaign campaign = campaign("spa", "cmp-1", T0);
        store.saveCampaign(campaign);
        assertThat(store.findCampaign("spa", "cmp-1")).contains(campaign);

        Campaign paused = campaign.withStatus(CampaignStatus.PAUSED, T0.plusSeconds(60));
        store.saveCampaign(paused);

        assertThat(store.findCampaign("spa", "cmp-1")).contains(paused);
        assertThat(store.findCampaign("other", "cmp-1")).isEmpty();
    }

    @Test
    void aTenantListsItsCampaignsNewestFirst() {
        store.saveCampaign(campaign("spa", "cmp-old", T0));
        store.saveCampaign(campaign("spa", "cmp-new", T0.plusSeconds(3600)));
        store.saveCampaign(campaign("other", "cmp-other", T0.plusSeconds(7200)));

        assertThat(store.listCampaigns("spa")).extracting(Campaign::id).containsExactly("cmp-new", "cmp-old");
    }

    @Test
    void aCampaignIsUnfinishedWhileARecipientIsPendingOrScheduled() {
        store.saveCampaign(campaign("spa", "cmp-1", T0));
        CampaignRecipient amy = recipient("cmp-1", "c-amy", "+15125550101");
        CampaignRecipient max = recipient("cmp-1", "c-max", "+15125550102");
        store.saveRecipient(amy);
        store.saveRecipient(max.finished(RecipientStatus.SKIPPED, "recipient_opted_out", T0));
        assertThat(store.hasUnfinishedRecipients("spa", "cmp-1")).as("pending").isTrue();

        CampaignRecipient scheduled = amy.scheduled("msg-1", "conv-1", T0, T0);
        store.saveRecipient(scheduled);
        assertThat(store.hasUnfinishedRecipients("spa", "cmp-1")).as("scheduled").isTrue();

        store.saveRecipient(scheduled.finished(RecipientStatus.SENT, null, T0.plusSeconds(5)));
        assertThat(store.hasUnfinishedRecipients("spa", "cmp-1")).as("all finished").isFalse();
        assertThat(store.hasUnfinishedRecipients("other", "cmp-1")).isFalse();
    }

    @Test
    void campaignsInAStatusAreFoundAcrossTenantsOldestFirst() {
        store.saveCampaign(campaign("spa", "cmp-new", T0.plusSeconds(3600)));
        store.saveCampaign(campaign("other", "cmp-old", T0));
        store.saveCampaign(campaign("spa", "cmp-paused", T0.plusSeconds(60)).withStatus(CampaignStatus.PAUSED, T0.plusSeconds(120)));

        assertThat(store.campaignsIn(CampaignStatus.RUNNING)).extracting(Campaign::id).containsExactly("cmp-old", "cmp-new");
    }

    @Test
    void theFirstPlannedMessageIdOfAPendingRecipientWins() {
        store.saveCampaign(campaign("spa", "cmp-1", T0));
        store.saveRecipient(recipient("cmp-1", "c-amy", "+15125550101"));

        CampaignRecipient first = store.planMessage("spa", "cmp-1", "c-amy", "msg-a", T0.plusSeconds(1)).orElseThrow();
        CampaignRecipient second = store.planMessage("spa", "cmp-1", "c-amy", "msg-b", T0.plusSeconds(2)).orElseThrow();

        assertThat(first.messageId()).isEqualTo("msg-a");
        assertThat(first.status()).isEqualTo(RecipientStatus.PENDING);
        assertThat(second.messageId()).isEqualTo("msg-a");
        assertThat(store.findRecipient("spa", "cmp-1", "c-amy").orElseThrow().messageId()).isEqualTo("msg-a");
    }

    @Test
    void aRecipientNoLongerPendingGetsNoPlannedMessage() {
        store.saveCampaign(campaign("spa", "cmp-1", T0));
        CampaignRecipient sent = recipient("cmp-1", "c-amy", "+15125550101").scheduled("msg-1", "conv-1", T0, T0);
        store.saveRecipient(sent);

        assertThat(store.planMessage("spa", "cmp-1", "c-amy", "msg-2", T0.plusSeconds(1))).isEmpty();
        assertThat(store.planMessage("spa", "cmp-1", "c-nobody", "msg-3", T0.plusSeconds(1))).isEmpty();
        assertThat(store.findRecipient("spa", "cmp-1", "c-amy")).contains(sent);
    }

    @Test
    void concurrentPlansOfOneRecipientAgreeOnOneId() {
        store.saveCampaign(campaign("spa", "cmp-1", T0));
        store.saveRecipient(recipient("cmp-1", "c-amy", "+15125550101"));

        List<CampaignRecipient> plans = Concurrently.run(8, i -> store.planMessage("spa", "cmp-1", "c-amy", "msg-" + i, T0).orElseThrow());

        assertThat(plans).extracting(CampaignRecipient::messageId).hasSize(8)
                .containsOnly(store.findRecipient("spa", "cmp-1", "c-amy").orElseThrow().messageId());
    }

    @Test
    void recipientsKeepTheOrderTheyWereFirstStoredInWhileTheirStateChanges() {
        store.saveCampaign(campaign("spa", "cmp-1", T0));
        CampaignRecipient zed = recipient("cmp-1", "c-zed", "+15125550103");
        CampaignRecipient amy = recipient("cmp-1", "c-amy", "+15125550101");
        CampaignRecipient max = recipient("cmp-1", "c-max", "max@example.com");
        store.saveRecipient(zed);
        store.saveRecipient(amy);
        store.saveRecipient(max);

        CampaignRecipient zedScheduled = zed.scheduled("msg-zed", "conv-zed", T0.plusSeconds(30), T0.plusSeconds(1));
        CampaignRecipient amySent = amy.scheduled("msg-amy", "conv-amy", T0.plusSeconds(60), T0.plusSeconds(2))
                .finished(RecipientStatus.SENT, null, T0.plusSeconds(61)).replied(T0.plusSeconds(300));
        store.saveRecipient(zedScheduled);
        store.saveRecipient(amySent);

        assertThat(store.recipients("spa", "cmp-1")).containsExactly(zedScheduled, amySent, max);
        assertThat(store.findRecipient("spa", "cmp-1", "c-amy")).contains(amySent);
        assertThat(store.findRecipient("spa", "cmp-1", "c-nobody")).isEmpty();
        assertThat(store.recipients("other", "cmp-1")).isEmpty();
    }

    @Test
    void aRecipientIsFoundByItsCurrentMessage() {
        store.saveCampaign(campaign("spa", "cmp-1", T0));
        CampaignRecipient amy = recipient("cmp-1", "c-amy", "+15125550101");
        store.saveRecipient(amy.scheduled("msg-1", "conv-amy", T0.plusSeconds(30), T0));
        CampaignRecipient skipped = amy.finished(RecipientStatus.SKIPPED, "opted_out", T0.plusSeconds(40));

        assertThat(store.findRecipientByMessage("spa", "msg-1")).map(CampaignRecipient::contactId).contains("c-amy");
        assertThat(store.findRecipientByMessage("other", "msg-1")).isEmpty();

        store.saveRecipient(amy.pending(T0.plusSeconds(50)));
        assertThat(store.findRecipientByMessage("spa", "msg-1")).isEmpty();
        store.saveRecipient(skipped);
        assertThat(store.findRecipient("spa", "cmp-1", "c-amy")).contains(skipped);
    }

    @Test
    void aConversationIsLinkedToTheCampaignThatLastWroteToIt() {
        store.saveCampaign(campaign("spa", "cmp-1", T0));
        store.saveCampaign(campaign("spa", "cmp-2", T0));

        store.linkConversation("spa", "conv-1", "cmp-1");
        assertThat(store.campaignOfConversation("spa", "conv-1")).contains("cmp-1");
        store.linkConversation("spa", "conv-1", "cmp-2");

        assertThat(store.campaignOfConversation("spa", "conv-1")).contains("cmp-2");
        assertThat(store.campaignOfConversation("other", "conv-1")).isEmpty();
        assertThat(store.campaignOfConversation("spa", "conv-2")).isEmpty();
    }

    private static Campaign campaign(String tenant, String id, Instant createdAt) {
        return new Campaign(id, tenant, "Spring glow", "spring-offer", ChannelId.SMS, true,
                Map.of("offer", "20% off", "valid_days", 14), CHICAGO, new QuietHours(LocalTime.of(9, 30), LocalTime.of(20, 0)),
                "+15125550000", CampaignStatus.RUNNING, createdAt, createdAt);
    }

    private static CampaignRecipient recipient(String campaignId, String contactId, String address) {
        return new CampaignRecipient(campaignId, "spa", contactId, "Name of " + contactId, address, CHICAGO, ZoneSource.PHONE_NUMBER,
                Map.of("first_visit", "2025-03-01", "visits", 3), RecipientStatus.PENDING, null, null, null, null, null, T0);
    }
}
