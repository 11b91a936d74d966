package dev.threadline.messaging.automation.campaign;

import static dev.threadline.messaging.automation.AutomationFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingEvent;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.automation.AutomationFixture;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.template.InMemoryTemplateStore;
import dev.threadline.messaging.automation.template.MessageTemplate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CampaignsTest {

    /** A Saturday: 12:00 UTC is 07:00 in New York, inside its quiet hours. */
    private static final Instant NOON_UTC = Instant.parse("2026-11-21T12:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final InMemoryCampaignStore campaignStore = new InMemoryCampaignStore();
    private final InMemoryTemplateStore templateStore = new InMemoryTemplateStore();
    private final InMemorySendSlots sendSlots = new InMemorySendSlots();
    private final AutomationFixture fx = new AutomationFixture(NOON_UTC, b -> b
            .campaignSettings(CampaignSettings.DEFAULTS.withMessagesPerMinute(2)).campaignStore(campaignStore).templateStore(templateStore)
            .sendSlots(sendSlots));
    private final Campaigns campaigns = fx.automation.campaigns();

    CampaignsTest() {
        fx.automation.templates().save(MessageTemplate.builder(TENANT, "offer")
                .sms("Hi {{customer.name}}, {{offer}} this week. Reply STOP to opt out.").build());
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static RecipientSpec recipient(String name, String phone) {
        return RecipientSpec.of(name, phone);
    }

    private static List<RecipientSpec> recipients(int count) {
        return IntStream.range(0, count).mapToObj(i -> recipient("Client " + i, "+1555123450" + i)).toList();
    }

    private CampaignRequest.Builder request(List<RecipientSpec> to) {
        return CampaignRequest.builder(TENANT, "November offer", "offer", ChannelId.SMS)
                .variables(Map.of("offer", "20% off peels")).recipients(to);
    }

    private Campaign started(CampaignRequest.Builder request) {
        Campaign campaign = campaigns.create(request.build());
        return campaigns.start(TENANT, campaign.id());
    }

    private List<CampaignRecipient> recipientsOf(Campaign campaign) {
        return campaigns.recipients(TENANT, campaign.id(), null);
    }

    private void advanceTo(Instant at) {
        fx.advance(Duration.between(fx.clock.instant(), at));
    }

    @Test
    void anEventAboutNoCampaignDoesNotWaitForACampaignChangeInProgress() throws Exception {
        Message unrelated = fx.manager.receive(InboundMessage.builder(TENANT, ChannelId.SMS).customerName("Wes").customerPhone("+15551239999")
                .body("Hi, are you open today?").generateAiReply(false).build()).message();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread changing = new Thread(() -> {
            synchronized (campaigns) { // what create, start, pause, resume and cancel hold while they run
                held.countDown();
                awaitQuietly(release);
            }
        });
        changing.start();
        held.await();
        try {
            CompletableFuture<Void> followed = CompletableFuture.runAsync(() -> {
                campaigns.onEvent(MessagingEvent.messageCreated(unrelated));
                campaigns.onEvent(MessagingEvent.messageStatus(unrelated));
            });
            followed.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            changing.join();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyRecipientGetsTheRenderedTemplateTaggedWithTheCampaignId() {
        Campaign campaign = started(request(List.of(recipient("Ana", "+15551234501"), recipient("Bo", "(555) 123-4502"))));

        fx.deliverDue();

        assertThat(fx.sms.sent()).extracting(d -> d.message().body())
                .containsExactly("Hi Ana, 20% off peels this week. Reply STOP to opt out.",
                        "Hi Bo, 20% off peels this week. Reply STOP to opt out.");
        assertThat(fx.sms.sent()).allSatisfy(d -> assertThat(d.message().metadata()).containsEntry(Campaigns.CAMPAIGN_ID, campaign.id()));
    }

    @Test
    void optedOutContactIsSkippedWithTheReason() {
        fx.manager.optOut(TENANT, ChannelId.SMS, "+15551234500", "test");

        Campaign campaign = started(request(recipients(2)));

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::status, CampaignRecipient::reason)
                .containsExactly(tuple(RecipientStatus.SKIPPED, "recipient_opted_out"),
                        tuple(RecipientStatus.SCHEDULED, null));
    }

    @Test
    void rateLimitSpreadsSendTimesOverMinutesInsteadOfWaiting() {
        Campaign campaign = started(request(recipients(5)).marketing(false));

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::sendAt).containsExactly(
                NOON_UTC, NOON_UTC, NOON_UTC.plusSeconds(60), NOON_UTC.plusSeconds(60), NOON_UTC.plusSeconds(120));
        assertThat(fx.deliverDue()).isEqualTo(2);
    }

    @Test
    void rateLimitIsSharedByAllCampaignsOfTheTenant() {
        started(request(recipients(2)).marketing(false));

        Campaign second = started(CampaignRequest.builder(TENANT, "Second", "offer", ChannelId.SMS).marketing(false)
                .variables(Map.of("offer", "x")).recipients(List.of(recipient("Cy", "+15551234599"))));

        assertThat(recipientsOf(second)).extracting(CampaignRecipient::sendAt).containsExactly(NOON_UTC.plusSeconds(60));
    }

    @Test
    void rateLimitHoldsAcrossARestart() {
        started(request(recipients(2)).marketing(false));

        try (MessagingAutomation restarted = MessagingAutomation.builder(fx.manager).clock(fx.clock)
                .campaignSettings(CampaignSettings.DEFAULTS.withMessagesPerMinute(2)).campaignStore(campaignStore)
                .sendSlots(sendSlots).templateStore(templateStore).build()) {
            Campaign second = restarted.campaigns().create(CampaignRequest.builder(TENANT, "After restart", "offer", ChannelId.SMS)
                    .marketing(false).variables(Map.of("offer", "x")).recipients(List.of(recipient("Cy", "+15551234599"))).build());
            restarted.campaigns().start(TENANT, second.id());

            assertThat(restarted.campaigns().recipients(TENANT, second.id(), null)).extracting(CampaignRecipient::sendAt)
                    .containsExactly(NOON_UTC.plusSeconds(60));
        }
    }

    @Test
    void marketingMessageDuringQuietHoursWaitsForTheRecipientsMorning() {
        Campaign campaign = started(request(List.of(new RecipientSpec("Ana", "+15551234501", NEW_YORK, Map.of()))));

        fx.deliverDue();
        assertThat(fx.sms.sent()).isEmpty();
        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::sendAt)
                .containsExactly(Instant.parse("2026-11-21T13:00:00Z"));

        advanceTo(Instant.parse("2026-11-21T13:00:00Z"));
        fx.deliverDue();
        assertThat(fx.sms.sent()).hasSize(1);
    }

    @Test
    void recipientZoneComesFromTheContactProfileWhenNotGiven() {
        fx.automation.contactProfiles().update(TENANT, "(555) 123-4501", Set.of(), Set.of(), NEW_YORK);

        Campaign campaign = started(request(List.of(recipient("Ana", "+15551234501"))));

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::sendAt)
                .containsExactly(Instant.parse("2026-11-21T13:00:00Z"));
    }

    @Test
    void recipientZoneIsGuessedFromThePhoneNumberBeforeTheCampaignDefault() {
        fx.automation.contactProfiles().update(TENANT, "+15125550102", Set.of(), Set.of(), NEW_YORK);

        // 12:00 UTC is 06:00 in Austin (+1 512, Central time), 12:00 in London (+44 20).
        Campaign campaign = started(request(List.of(recipient("Ana", "+15125550101"), recipient("Ben", "+15125550102"),
                recipient("Olly", "+442079460000"), new RecipientSpec("Kim", "+15125550103", NEW_YORK, Map.of()))));

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::name, CampaignRecipient::zone, CampaignRecipient::zoneSource)
                .containsExactly(tuple("Ana", ZoneId.of("America/Chicago"), ZoneSource.PHONE_NUMBER),
                        tuple("Ben", NEW_YORK, ZoneSource.PROFILE),
                        tuple("Olly", ZoneId.of("Europe/London"), ZoneSource.PHONE_NUMBER),
                        tuple("Kim", NEW_YORK, ZoneSource.RECIPIENT));
        assertThat(campaigns.recipients(TENANT, campaign.id(), null).get(0).sendAt())
                .as("Austin's 08:00").isEqualTo(Instant.parse("2026-11-21T14:00:00Z"));
        assertThat(campaigns.recipients(TENANT, campaign.id(), null).get(2).sendAt())
                .as("London is awake").isBefore(Instant.parse("2026-11-21T12:05:00Z"));
    }

    @Test
    void aNumberWhoseAreaSpansSeveralZonesGetsTheCampaignDefault() {
        // +1 800 is toll-free: no area, every North American zone.
        Campaign campaign = started(request(List.of(recipient("Ana", "+18005550101"))).defaultZone(NEW_YORK));

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::zone, CampaignRecipient::zoneSource)
                .containsExactly(tuple(NEW_YORK, ZoneSource.CAMPAIGN_DEFAULT));
    }

    @Test
    void serviceMessageIsNotHeldByQuietHours() {
        Campaign campaign = started(request(List.of(new RecipientSpec("Ana", "+15551234501", NEW_YORK, Map.of()))).marketing(false));

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::sendAt).containsExactly(NOON_UTC);
    }

    @Test
    void recipientStatusFollowsDeliveryAndCampaignCompletes() {
        fx.sms.failNext(NonRetriableMessagingException.deliveryFailed("30003", "unreachable handset"));
        Campaign campaign = started(request(recipients(2)).marketing(false));

        fx.deliverDue();

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::status, CampaignRecipient::reason)
                .containsExactly(tuple(RecipientStatus.FAILED, "30003"),
                        tuple(RecipientStatus.SENT, null));
        assertThat(campaigns.get(TENANT, campaign.id()).status()).isEqualTo(CampaignStatus.COMPLETED);
    }

    @Test
    void backgroundDeliveryMovesRecipientsToSent() throws InterruptedException {
        CountDownLatch sent = new CountDownLatch(2);
        fx.manager.subscribe(e -> {
            if (MessagingEvent.MESSAGE_STATUS.equals(e.type()) && e.status() == DeliveryStatus.SENT) {
                sent.countDown();
            }
        });
        fx.manager.startDelivery(1);

        Campaign campaign = started(request(recipients(2)).marketing(false));

        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(campaigns.progress(TENANT, campaign.id()).sent()).isEqualTo(2);
    }

    /** Four recipients at two a minute: one opted out, two sent in the first minute, one due in the next. */
    @Test
    void progressCountsRecipientsByStatus() {
        fx.manager.optOut(TENANT, ChannelId.SMS, "+15551234500", "test");
        Campaign campaign = started(request(recipients(4)).marketing(false));

        fx.deliverDue();

        assertThat(campaigns.progress(TENANT, campaign.id())).isEqualTo(new CampaignProgress(4, 0, 1, 2, 1, 0, 0, 0));
    }

    @Test
    void pauseTakesBackScheduledMessagesAndResumeSendsThem() {
        Campaign campaign = started(request(recipients(2)).defaultZone(NEW_YORK));

        campaigns.pause(TENANT, campaign.id());
        advanceTo(Instant.parse("2026-11-21T13:00:00Z"));
        fx.deliverDue();
        assertThat(fx.sms.sent()).isEmpty();
        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::status).containsOnly(RecipientStatus.PENDING);

        campaigns.resume(TENANT, campaign.id());
        fx.deliverDue();
        assertThat(fx.sms.sent()).hasSize(2);
        assertThat(campaigns.get(TENANT, campaign.id()).status()).isEqualTo(CampaignStatus.COMPLETED);
    }

    @Test
    void pausedCampaignsMessagesAreCanceledInTheOutbox() {
        Campaign campaign = started(request(recipients(1)).defaultZone(NEW_YORK));
        String messageId = recipientsOf(campaign).get(0).messageId();

        campaigns.pause(TENANT, campaign.id());

        assertThat(fx.manager.getMessage(TENANT, messageId).status()).isEqualTo(DeliveryStatus.CANCELED);
    }

    @Test
    void cancelUnsendsEverythingStillScheduled() {
        Campaign campaign = started(request(recipients(3)).defaultZone(NEW_YORK));

        campaigns.cancel(TENANT, campaign.id());
        fx.advance(Duration.ofDays(1));
        fx.deliverDue();

        assertThat(fx.sms.sent()).isEmpty();
        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::status).containsOnly(RecipientStatus.CANCELED);
        assertThat(campaigns.get(TENANT, campaign.id()).status()).isEqualTo(CampaignStatus.CANCELED);
    }

    @Test
    void replyThreadsIntoTheRecipientsConversationLinkedToTheCampaign() {
        Campaign campaign = started(request(List.of(recipient("Ana", "+15551234501"))).marketing(false));
        fx.deliverDue();

        String conversationId = fx.customerSms("Ana", "+15551234501", "Yes please, book me in!").conversation().id();

        assertThat(conversationId).isEqualTo(recipientsOf(campaign).get(0).conversationId());
        assertThat(campaigns.campaignOf(TENANT, conversationId)).map(Campaign::id).contains(campaign.id());
        assertThat(campaigns.progress(TENANT, campaign.id()).replied()).isEqualTo(1);
    }

    @Test
    void segmentPicksTaggedContactsActiveSinceTheGivenTime() {
        fx.customerSms("Old", "+15551234501", "hi");
        fx.advance(Duration.ofDays(30));
        Instant recent = fx.clock.instant();
        String vip = fx.customerSms("Vip", "+15551234502", "hi").conversation().contactId();
        fx.customerSms("Reg", "+15551234503", "hi");
        fx.automation.contactProfiles().update(TENANT, "+15551234501", Set.of("vip"), Set.of(), null);
        fx.automation.contactProfiles().update(TENANT, "+15551234502", Set.of("VIP", "botox"), Set.of(), null);
        fx.automation.contactProfiles().update(TENANT, "+15551234503", Set.of("regular"), Set.of(), null);

        Campaign campaign = campaigns.create(CampaignRequest.builder(TENANT, "VIP", "offer", ChannelId.SMS)
                .variables(Map.of("offer", "x")).segment(Segment.tagged("vip").withActiveSince(recent)).build());

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::contactId, CampaignRecipient::address)
                .containsExactly(tuple(vip, "+15551234502"));
    }

    @Test
    void inactiveSinceSegmentPicksOnlyDormantContacts() {
        fx.customerSms("Dormant", "+15551234501", "hi");
        fx.advance(Duration.ofDays(90));
        Instant quarterAgo = fx.clock.instant();
        fx.customerSms("Active", "+15551234502", "hi");

        Campaign campaign = campaigns.create(CampaignRequest.builder(TENANT, "Win back", "offer", ChannelId.SMS)
                .variables(Map.of("offer", "x")).segment(Segment.everyone().withInactiveSince(quarterAgo)).build());

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::address).containsExactly("+15551234501");
    }

    @Test
    void taggedContactWithoutConversationsIsReachedByItsAddress() {
        fx.automation.contactProfiles().update(TENANT, "+15551234509", Set.of("newsletter"), Set.of(), null);

        started(CampaignRequest.builder(TENANT, "News", "offer", ChannelId.SMS).marketing(false)
                .variables(Map.of("offer", "x", "customer", Map.of("name", "friend"))).segment(Segment.tagged("newsletter")));
        fx.deliverDue();

        assertThat(fx.sms.sent()).singleElement().satisfies(d -> {
            assertThat(d.conversation().customerPhone()).isEqualTo("+15551234509");
            assertThat(d.message().body()).startsWith("Hi friend, x this week.");
        });
    }

    @Test
    void sharedVariablesAreDefaultsUnderTheRecipientsOwnDetails() {
        started(request(List.of(recipient("Ana", "+15551234501"))).marketing(false)
                .variables(Map.of("offer", "x", "customer", Map.of("name", "friend"))));
        fx.deliverDue();

        assertThat(fx.sms.sent()).singleElement().satisfies(d -> assertThat(d.message().body()).startsWith("Hi Ana,"));
    }

    @Test
    void removedTagTakesTheContactOutOfTheSegment() {
        fx.customerSms("A", "+15551234501", "hi");
        fx.automation.contactProfiles().update(TENANT, "+15551234501", Set.of("vip"), Set.of(), null);
        fx.automation.contactProfiles().update(TENANT, "+15551234501", Set.of(), Set.of("vip"), null);

        assertThatThrownBy(() -> campaigns.create(CampaignRequest.builder(TENANT, "VIP", "offer", ChannelId.SMS)
                .variables(Map.of("offer", "x")).segment(Segment.tagged("vip")).build()))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("segment"));
    }

    @Test
    void malformedTagIsRejected() {
        assertThatThrownBy(() -> fx.automation.contactProfiles().update(TENANT, "+15551234501", Set.of("has space"), Set.of(), null))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("tags"));
    }

    @Test
    void segmentWithoutTagsTakesEveryContactOnTheChannel() {
        fx.customerSms("A", "+15551234501", "hi");
        fx.customerSms("B", "+15551234502", "hi");

        Campaign campaign = campaigns.create(CampaignRequest.builder(TENANT, "All", "offer", ChannelId.SMS)
                .variables(Map.of("offer", "x")).segment(Segment.everyone()).build());

        assertThat(recipientsOf(campaign)).extracting(CampaignRecipient::address)
                .containsExactlyInAnyOrder("+15551234501", "+15551234502");
    }

    @Test
    void missingVariableForOneRecipientCreatesNothing() {
        CampaignRequest request = CampaignRequest.builder(TENANT, "Per-person", "offer", ChannelId.SMS)
                .recipients(List.of(new RecipientSpec("Ana", "+15551234501", null, Map.of("offer", "x")), recipient("Bo", "+15551234502")))
                .build();

        assertThatThrownBy(() -> campaigns.create(request))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("variables.offer"));
        assertThat(campaigns.list(TENANT)).isEmpty();
    }

    @Test
    void startingARunningCampaignIsAConflict() {
        Campaign campaign = started(request(recipients(1)));

        assertThatThrownBy(() -> campaigns.start(TENANT, campaign.id()))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.code().wireName()).isEqualTo("conflict"));
    }

    @Test
    void invalidRecipientAddressIsReportedOnItsField() {
        assertThatThrownBy(() -> campaigns.create(request(List.of(recipient("Ana", "not a phone"))).build()))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class,
                        e -> assertThat(e.field()).isEqualTo("recipients.address"));
    }

    @Test
    void quietHoursMoveLateEveningToTheNextMorning() {
        QuietHours hours = QuietHours.DEFAULT;

        Instant next = hours.nextAllowed(Instant.parse("2026-11-22T02:30:00Z"), NEW_YORK); // 21:30 EST

        assertThat(next).isEqualTo(Instant.parse("2026-11-22T13:00:00Z"));
    }

    @Test
    void quietHoursLeaveAllowedTimesAlone() {
        assertThat(QuietHours.DEFAULT.nextAllowed(NOON_UTC, ZoneId.of("UTC"))).isEqualTo(NOON_UTC);
    }
}
