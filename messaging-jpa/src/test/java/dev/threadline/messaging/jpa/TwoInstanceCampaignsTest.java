package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignRecipient;
import dev.threadline.messaging.automation.campaign.CampaignRequest;
import dev.threadline.messaging.automation.campaign.CampaignSettings;
import dev.threadline.messaging.automation.campaign.CampaignStatus;
import dev.threadline.messaging.automation.campaign.RecipientSpec;
import dev.threadline.messaging.automation.campaign.RecipientStatus;
import dev.threadline.messaging.automation.campaign.SendSlots;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two app instances on one PostgreSQL database run one tenant's campaigns at once: the first starts a campaign while
 * the second starts another and keeps carrying on interrupted ones, racing the first for its recipients. The tenant's
 * rate limit holds across both, counted on what the two channels were handed per minute, and every recipient is texted
 * exactly once.
 */
@RequiresPostgres
class TwoInstanceCampaignsTest {

    private static final String TENANT = "spa";
    private static final int PER_MINUTE = 30;
    private static final Instant NOON = Instant.parse("2026-11-23T18:00:00Z");

    private final MutableClock clock = new MutableClock(NOON);

    /** One app instance: its own pool, store, manager, channel and automation, on the shared database. */
    private final class Instance implements AutoCloseable {
        final HikariDataSource pool;
        final JpaConversationStore store;
        final SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
        final MessageManager manager;
        final MessagingAutomation automation;

        Instance(HikariDataSource pool) {
            this.pool = pool;
            this.store = JpaConversationStore.builder().dataSource(pool).clock(clock).build();
            this.manager = MessageManager.builder().store(store).channel(sms).clock(clock).build();
            JpaAutomationStores stores = JpaAutomationStores.on(pool);
            this.automation = MessagingAutomation.builder(manager).clock(clock).templateStore(stores.templates())
                    .campaignStore(stores.campaigns()).sendSlots(stores.sendSlots()).contactProfiles(stores.contactProfiles())
                    .staffDirectory(stores.staff()).campaignSettings(CampaignSettings.DEFAULTS.withMessagesPerMinute(PER_MINUTE)).build();
        }

        @Override
        public void close() {
            automation.close();
            manager.close();
            store.close();
            pool.close();
        }
    }

    @Test
    void theRateLimitHoldsAcrossInstancesAndEveryRecipientIsTextedOnce() throws Exception {
        try (TestDatabase database = TestDatabase.postgres(); Instance first = new Instance(database.anotherPool());
             Instance second = new Instance(database.anotherPool())) {
            first.automation.templates().save(MessageTemplate.builder(TENANT, "offer").sms("Hi {{customer.name}}, 20% off peels.").build());
            Campaign big = first.automation.campaigns().create(request("Peels", 0, 120));
            Campaign small = second.automation.campaigns().create(request("Facials", 1_000, 60));

            AtomicBoolean starting = new AtomicBoolean(true);
            CompletableFuture<Void> carryingOn = CompletableFuture.runAsync(() -> {
                while (starting.get()) {
                    second.automation.campaigns().resumeInterrupted();
                }
            });
            CompletableFuture<Campaign> startingSmall = CompletableFuture.supplyAsync(() -> second.automation.campaigns().start(TENANT, small.id()));
            first.automation.campaigns().start(TENANT, big.id());
            startingSmall.get(60, TimeUnit.SECONDS);
            starting.set(false);
            carryingOn.get(60, TimeUnit.SECONDS);

            // Minute by minute, both instances' delivery workers send what is due; count what the channels got.
            List<Integer> handedPerMinute = new ArrayList<>();
            for (int minute = 0; minute <= 7; minute++) {
                int before = first.sms.sent().size() + second.sms.sent().size();
                first.manager.deliverDue();
                second.manager.deliverDue();
                handedPerMinute.add(first.sms.sent().size() + second.sms.sent().size() - before);
                clock.advance(Duration.ofMinutes(1));
            }

            List<OutboundDelivery> handed = Stream.concat(first.sms.sent().stream(), second.sms.sent().stream()).toList();
            Map<String, Long> textsPerNumber = handed.stream()
                    .collect(Collectors.groupingBy(d -> d.conversation().customerPhone(), Collectors.counting()));
            assertThat(textsPerNumber).hasSize(180);
            assertThat(textsPerNumber.values()).containsOnly(1L);

            List<CampaignRecipient> recipients = Stream.concat(
                    first.automation.campaigns().recipients(TENANT, big.id(), null).stream(),
                    first.automation.campaigns().recipients(TENANT, small.id(), null).stream()).toList();
            Map<Long, Long> bookedPerMinute = recipients.stream()
                    .collect(Collectors.groupingBy(r -> SendSlots.minuteOf(r.sendAt()), Collectors.counting()));
            assertThat(bookedPerMinute.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(PER_MINUTE));
            assertThat(bookedPerMinute).hasSize(180 / PER_MINUTE);
            assertThat(handedPerMinute).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(PER_MINUTE));
            assertThat(recipients).extracting(CampaignRecipient::status).containsOnly(RecipientStatus.SENT);
            assertThat(first.automation.campaigns().get(TENANT, big.id()).status()).isEqualTo(CampaignStatus.COMPLETED);
            assertThat(second.automation.campaigns().get(TENANT, small.id()).status()).isEqualTo(CampaignStatus.COMPLETED);
        }
    }

    private static CampaignRequest request(String name, int firstNumber, int count) {
        List<RecipientSpec> recipients = IntStream.range(firstNumber, firstNumber + count)
                .mapToObj(i -> RecipientSpec.of("Client " + i, String.format("+1512555%04d", i))).toList();
        return CampaignRequest.builder(TENANT, name, "offer", ChannelId.SMS).marketing(false).recipients(recipients).build();
    }
}
