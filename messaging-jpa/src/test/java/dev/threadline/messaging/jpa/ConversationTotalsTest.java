package dev.threadline.messaging.jpa;

import static dev.threadline.messaging.jpa.TotalsCheck.assertTotalsMatchCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessagingException;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import dev.threadline.messaging.testkit.Concurrently;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;

/**
 * The list's total without a text search comes from counts the store maintains; these tests hold them to
 * {@code count(*)} over the conversations after every kind of change, concurrent changes, and a bulk load
 * with plain SQL followed by {@link JpaConversationStore#recountTotals}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConversationTotalsTest {

    private static final String TENANT = "acme";
    private static final String OTHER_TENANT = "globex";
    private static final List<String> TENANTS = List.of(TENANT, OTHER_TENANT);
    private static final List<ChannelId> CHANNELS = List.of(ChannelId.SMS, ChannelId.EMAIL, ChannelId.WHATSAPP);
    private static final List<ConversationStatus> STATUSES = List.of(ConversationStatus.values());
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator();
    /** Registered on an instance field: the class runs its tests on one instance (see its lifecycle). */
    @RegisterExtension
    final SharedStore shared = new SharedStore(this::newDatabase);
    private JpaConversationStore store;
    private DataSource dataSource;

    /** The database the class runs on; one per class, shared by its tests. */
    protected abstract TestDatabase newDatabase();

    @BeforeEach
    void emptyStore() {
        store = shared.fresh();
        dataSource = shared.dataSource();
    }

    @Test
    void totalsEqualTheCountsUnderEveryFilterAfterEveryKindOfChange() {
        randomChanges(new Random(7), 300);
        for (String tenant : TENANTS) {
            assertTotalsMatchCounts(store, dataSource, tenant);
        }
    }

    @Test
    void everyCountRowHoldsWhatARecountOfItsConversationsFinds() {
        randomChanges(new Random(11), 200);
        for (String tenant : TENANTS) {
            assertRowsAreARecount(tenant);
        }
    }

    @Test
    void concurrentChangesInOneTenantKeepTheTotalsExact() {
        List<Conversation> conversations = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 24; i++) {
            conversations.add(open(TENANT, CHANNELS.get(i % 2), "seed-" + i, ConversationStatus.ACTIVE, 0));
        }
        Concurrently.run(16, worker -> {
            Random random = new Random(worker);
            for (int i = 0; i < 40; i++) {
                Conversation c = conversations.get(random.nextInt(conversations.size()));
                switch (random.nextInt(5)) {
                    case 0 -> conversations.add(open(TENANT, CHANNELS.get(random.nextInt(2)), "w" + worker + "-" + i,
                            ConversationStatus.ACTIVE, 0));
                    case 1, 2 -> store.append(message(c, Direction.INBOUND, null), null);
                    case 3 -> store.markRead(TENANT, c.id());
                    default -> store.updateConversation(TENANT, c.id(), x -> x.withStatus(STATUSES.get(random.nextInt(STATUSES.size()))));
                }
            }
            return worker;
        });
        assertTotalsMatchCounts(store, dataSource, TENANT);
        assertRowsAreARecount(TENANT);
    }

    @Test
    void recountTotalsCountsConversationsLoadedWithPlainSql() {
        open(TENANT, ChannelId.SMS, "before-the-load", ConversationStatus.ACTIVE, 0);
        for (int i = 0; i < 30; i++) {
            TotalsCheck.insertConversation(dataSource, TENANT, "loaded-" + i, CHANNELS.get(i % 3), STATUSES.get(i / 10), i % 4);
        }
        assertThat(store.listConversations(TENANT, ConversationQuery.all()).total()).isOne();

        store.recountTotals(TENANT);

        assertTotalsMatchCounts(store, dataSource, TENANT);
    }

    @Test
    void recountTotalsLeavesOtherTenantsAlone() {
        open(OTHER_TENANT, ChannelId.SMS, "theirs", ConversationStatus.ACTIVE, 0);
        TotalsCheck.insertConversation(dataSource, OTHER_TENANT, "loaded", ChannelId.SMS, ConversationStatus.ACTIVE, 0);

        store.recountTotals(TENANT);

        assertThat(store.listConversations(OTHER_TENANT, ConversationQuery.all()).total()).isOne();
    }

    @Test
    void aRejectedReactivationCountsNothing() {
        Conversation first = open(TENANT, ChannelId.SMS, "thread", ConversationStatus.ACTIVE, 0);
        store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.COMPLETED));
        open(TENANT, ChannelId.SMS, "thread", ConversationStatus.ACTIVE, 0);

        assertThatThrownBy(() -> store.updateConversation(TENANT, first.id(), c -> c.withStatus(ConversationStatus.ACTIVE)))
                .isInstanceOf(MessagingException.class)
                .satisfies(e -> assertThat(((MessagingException) e).code()).isEqualTo(ErrorCode.CONFLICT));

        assertThat(store.listConversations(TENANT, ConversationQuery.all().withStatus(ConversationStatus.ACTIVE)).total()).isOne();
        assertTotalsMatchCounts(store, dataSource, TENANT);
    }

    /**
     * Opens, appends (inbound, outbound and duplicates), marks read and changes statuses at random, in two
     * tenants on three channels; thread keys repeat, so some opens find the active conversation and some
     * reactivations conflict with it.
     */
    private void randomChanges(Random random, int operations) {
        List<Conversation> opened = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            int operation = random.nextInt(8);
            if (opened.isEmpty() || operation == 0) {
                ConversationStatus status = random.nextInt(4) == 0 ? STATUSES.get(random.nextInt(STATUSES.size())) : ConversationStatus.ACTIVE;
                opened.add(open(TENANTS.get(random.nextInt(2)), CHANNELS.get(random.nextInt(3)), "thread-" + random.nextInt(12), status,
                        random.nextInt(3) == 0 ? 2 : 0));
                continue;
            }
            Conversation c = opened.get(random.nextInt(opened.size()));
            switch (operation) {
                case 1, 2 -> store.append(message(c, Direction.INBOUND, "provider-" + random.nextInt(60)), null);
                case 3 -> store.append(message(c, Direction.OUTBOUND, null), null);
                case 4 -> store.markRead(c.tenantId(), c.id());
                case 5, 6 -> changeStatusUnlessConflicting(c, STATUSES.get(random.nextInt(STATUSES.size())));
                default -> store.updateConversation(c.tenantId(), c.id(), x -> x.withHeadline("headline " + random.nextInt())
                        .withUnreadCount(random.nextInt(3)));
            }
        }
    }

    private void changeStatusUnlessConflicting(Conversation c, ConversationStatus status) {
        try {
            store.updateConversation(c.tenantId(), c.id(), x -> x.withStatus(status));
        } catch (MessagingException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        }
    }

    private Conversation open(String tenant, ChannelId channel, String thread, ConversationStatus status, long unreadCount) {
        Contact contact = store.upsertContact(tenant, null, thread + "@" + channel.value() + ".example", null);
        Conversation candidate = new Conversation(ids.newId(), tenant, channel, contact.id(), null, null, contact.email(), null,
                channel.value() + "|" + thread, status, null, null, T0, T0, 0, unreadCount, null, null, "default", null, null, null, Map.of(), 0);
        return store.openConversation(candidate);
    }

    private Message message(Conversation c, Direction direction, @Nullable String providerMessageId) {
        boolean inbound = direction == Direction.INBOUND;
        return new Message(ids.newId(), c.tenantId(), c.id(), c.channel(), direction, inbound ? Author.CUSTOMER : Author.STAFF, "Hi",
                null, List.of(), providerMessageId, null, inbound ? DeliveryStatus.RECEIVED : DeliveryStatus.QUEUED, T0, T0, null, null,
                Map.of());
    }

    /** Each count row equals what a recount of that slot's conversations writes. */
    private void assertRowsAreARecount(String tenant) {
        Map<String, List<Long>> maintained = TotalsCheck.totalsRows(dataSource, tenant);
        store.recountTotals(tenant);
        assertThat(maintained).isNotEmpty().isEqualTo(TotalsCheck.totalsRows(dataSource, tenant));
    }
}
