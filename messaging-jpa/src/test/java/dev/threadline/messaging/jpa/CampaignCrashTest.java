package dev.threadline.messaging.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.automation.MessagingAutomation;
import dev.threadline.messaging.automation.campaign.Campaign;
import dev.threadline.messaging.automation.campaign.CampaignRecipient;
import dev.threadline.messaging.automation.campaign.CampaignRequest;
import dev.threadline.messaging.automation.campaign.CampaignSettings;
import dev.threadline.messaging.automation.campaign.CampaignStatus;
import dev.threadline.messaging.automation.campaign.CampaignStore;
import dev.threadline.messaging.automation.campaign.RecipientSpec;
import dev.threadline.messaging.automation.campaign.RecipientStatus;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.jpa.automation.JpaAutomationStores;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.testkit.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign outlives the process that started it. The first process dies while starting a campaign of 500 at the
 * worst moment, between handing a recipient's message to the outbox and recording it on the recipient, and its
 * followers are gone, so no status event reaches the campaign; a new process on the same database carries on. Every
 * recipient is texted exactly once and the campaign completes.
 */
class CampaignCrashTest {

    private static final String TENANT = "spa";
    private static final int RECIPIENTS = 500;
    /** The recipient whose message is queued when the process dies, before the recipient records it. */
    private static final int DIES_AT = 250;

    private final SimulatorChannel sms = new SimulatorChannel(ChannelId.SMS);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));

    @Test
    void anH2FileDatabaseCarriesOnAfterTheCrash(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("threadline").toAbsolutePath();
        crashThenCarryOn(() -> h2Pool(url));
    }

    @Test
    @RequiresPostgres
    void postgresCarriesOnAfterTheCrash() {
        try (TestDatabase database = TestDatabase.postgres()) {
            crashThenCarryOn(database::anotherPool);
        }
    }

    private void crashThenCarryOn(Supplier<HikariDataSource> pools) {
        String campaignId;
        try (HikariDataSource pool = pools.get(); JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build();
             MessageManager manager = MessageManager.builder().store(store).channel(sms).clock(clock).build()) {
            JpaAutomationStores stores = JpaAutomationStores.on(pool);
            try (MessagingAutomation automation = automation(manager, stores, campaigns -> dyingAt(campaigns, DIES_AT))) {
                automation.templates().save(MessageTemplate.builder(TENANT, "offer").sms("Hi {{customer.name}}, 20% off peels.").build());
                Campaign campaign = automation.campaigns().create(CampaignRequest.builder(TENANT, "Peels", "offer", ChannelId.SMS)
                        .marketing(false).recipients(recipients()).build());
                campaignId = campaign.id();

                assertThatThrownBy(() -> automation.campaigns().start(TENANT, campaign.id())).isInstanceOf(ProcessDied.class);
            }
            // The delivery workers got everything queued out before the process was gone; no follower saw it.
            manager.deliverDue();
        }
        // The restart takes a while: long enough for the dead process's plan to be taken over.
        clock.advance(Duration.ofMinutes(2));

        try (HikariDataSource pool = pools.get(); JpaConversationStore store = JpaConversationStore.builder().dataSource(pool).build();
             MessageManager manager = MessageManager.builder().store(store).channel(sms).clock(clock).build();
             MessagingAutomation automation = automation(manager, JpaAutomationStores.on(pool), Function.identity())) {
            int pending = automation.campaigns().resumeInterrupted();
            manager.deliverDue();

            assertThat(pending).isEqualTo(RECIPIENTS - DIES_AT + 1);
            Map<String, Long> textsPerNumber = sms.sent().stream()
                    .collect(Collectors.groupingBy(d -> d.conversation().customerPhone(), Collectors.counting()));
            assertThat(textsPerNumber).hasSize(RECIPIENTS);
            assertThat(textsPerNumber.values()).containsOnly(1L);
            assertThat(sms.sent()).extracting(OutboundDelivery::message).extracting(m -> m.id()).doesNotHaveDuplicates();
            List<CampaignRecipient> recipients = automation.campaigns().recipients(TENANT, campaignId, null);
            assertThat(recipients).extracting(CampaignRecipient::status).containsOnly(RecipientStatus.SENT);
            assertThat(automation.campaigns().progress(TENANT, campaignId).done()).isTrue();
            assertThat(automation.campaigns().get(TENANT, campaignId).status()).isEqualTo(CampaignStatus.COMPLETED);
        }
    }

    private MessagingAutomation automation(MessageManager manager, JpaAutomationStores stores,
                                           Function<CampaignStore, CampaignStore> campaigns) {
        return MessagingAutomation.builder(manager).clock(clock).templateStore(stores.templates()).campaignStore(campaigns.apply(stores.campaigns()))
                .sendSlots(stores.sendSlots()).contactProfiles(stores.contactProfiles()).staffDirectory(stores.staff())
                .campaignSettings(CampaignSettings.DEFAULTS.withMessagesPerMinute(10_000)).build();
    }

    private static List<RecipientSpec> recipients() {
        return IntStream.range(0, RECIPIENTS).mapToObj(i -> RecipientSpec.of("Client " + i, String.format("+1512555%04d", i))).toList();
    }

    /** The campaign store of a process that dies on recording the {@code n}th scheduled recipient, and answers nothing after. */
    private static CampaignStore dyingAt(CampaignStore store, int n) {
        AtomicInteger scheduled = new AtomicInteger();
        AtomicBoolean dead = new AtomicBoolean();
        return (CampaignStore) Proxy.newProxyInstance(CampaignCrashTest.class.getClassLoader(), new Class<?>[] {CampaignStore.class},
                (proxy, method, args) -> {
                    boolean recordsAScheduledRecipient = method.getName().equals("saveRecipient")
                            && ((CampaignRecipient) args[0]).status() == RecipientStatus.SCHEDULED;
                    if (dead.get() || recordsAScheduledRecipient && scheduled.incrementAndGet() == n) {
                        dead.set(true);
                        throw new ProcessDied();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Stands for the end of the process: nothing of it runs after this is thrown. */
    private static final class ProcessDied extends RuntimeException {
        ProcessDied() {
            super("the process died");
        }
    }

    private static HikariDataSource h2Pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
