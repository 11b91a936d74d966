package dev.threadline.messaging.jpa;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.intake.IntakeStore;
import dev.threadline.messaging.jpa.internal.DatabaseVendor;
import dev.threadline.messaging.jpa.internal.JpaIntakeStore;
import dev.threadline.messaging.jpa.internal.JpaStaffStore;
import dev.threadline.messaging.jpa.internal.ContactList;
import dev.threadline.messaging.jpa.internal.Contacts;
import dev.threadline.messaging.jpa.internal.ConversationTotals;
import dev.threadline.messaging.jpa.internal.Conversations;
import dev.threadline.messaging.jpa.internal.Deliveries;
import dev.threadline.messaging.jpa.internal.Events;
import dev.threadline.messaging.jpa.internal.Messages;
import dev.threadline.messaging.jpa.internal.ProcessedKeys;
import dev.threadline.messaging.jpa.internal.SchemaMigrations;
import dev.threadline.messaging.jpa.internal.SessionFactories;
import dev.threadline.messaging.spi.AppendResult;
import dev.threadline.messaging.spi.ConsentChange;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.staff.StaffUser;
import dev.threadline.messaging.spi.OutgoingMessage;
import dev.threadline.messaging.support.TimeOrderedIdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.jspecify.annotations.Nullable;

/**
 * The durable conversation store and outbox, on embedded H2 (one machine) or PostgreSQL (any number of
 * app instances). Building one migrates the schema to the current version (Flyway; a no-op when it is
 * current) and starts Hibernate over the given {@link DataSource}.
 *
 * <pre>{@code
 * JpaConversationStore store = JpaConversationStore.builder()
 *         .dataSource(dataSource)          // H2: jdbc:h2:file:./data/threadline, PostgreSQL: a pool
 *         .build();
 * MessageManager manager = MessageManager.builder().store(store).build();
 * }</pre>
 *
 * <p>What the schema guarantees, on both databases: one active conversation per tenant and thread key,
 * one message per tenant, channel and provider message id, one contact per tenant and phone or email,
 * and each processed key once per tenant, all by unique constraints. Every table carries
 * {@code tenant_id}, first in every key. Outbox rows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * under a lease, so workers in several processes never send one message twice. Close the store to
 * release Hibernate; the DataSource stays the host's.
 */
public final class JpaConversationStore implements ConversationStore, OutboxStore, StaffStore, AutoCloseable {

    private final SessionFactory sessions;
    private final Contacts contacts;
    private final Conversations conversations;
    private final ContactList contactList;
    private final Messages messages;
    private final Deliveries deliveries;
    private final Events events;
    private final ProcessedKeys processedKeys;
    private final JpaIntakeStore intake;
    private final JpaStaffStore staff;

    private JpaConversationStore(Builder b) {
        DatabaseVendor vendor = DatabaseVendor.of(b.dataSource);
        SchemaMigrations.migrate(b.dataSource, vendor);
        vendor.makeCommitsDurable(b.dataSource);
        this.sessions = SessionFactories.create(b.dataSource);
        // One instance of the totals: conversations and the receive path both move them.
        ConversationTotals totals = new ConversationTotals(vendor);
        this.contacts = new Contacts(sessions, b.ids != null ? b.ids : new TimeOrderedIdGenerator(b.clock), b.clock);
        this.conversations = new Conversations(sessions, totals);
        this.contactList = new ContactList(sessions);
        this.messages = new Messages(sessions, vendor, totals);
        this.deliveries = new Deliveries(sessions, vendor);
        this.events = new Events(sessions);
        this.processedKeys = new ProcessedKeys(sessions, vendor, b.clock);
        this.intake = new JpaIntakeStore(sessions);
        this.staff = new JpaStaffStore(sessions);
    }

    /**
     * The webhook intake table in the same database, for a {@link dev.threadline.messaging.intake.WebhookIntake}:
     * a request it accepts is committed before {@code accept} returns.
     */
    public IntakeStore intakeStore() {
        return intake;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Contact upsertContact(String tenantId, @Nullable String phone, @Nullable String email, @Nullable String name) {
        return contacts.upsertContact(tenantId, phone, email, name);
    }

    @Override
    public Optional<Contact> findContact(String tenantId, String contactId) {
        return contacts.findContact(tenantId, contactId);
    }

    @Override
    public Contact setOptedOut(String tenantId, String contactId, ChannelId channel, boolean optedOut) {
        return contacts.setOptedOut(tenantId, contactId, channel, optedOut);
    }

    @Override
    public Optional<Conversation> findConversation(String tenantId, String conversationId) {
        return conversations.findConversation(tenantId, conversationId);
    }

    @Override
    public Optional<Conversation> findActiveConversation(String tenantId, String threadKey) {
        return conversations.findActiveConversation(tenantId, threadKey);
    }

    @Override
    public Optional<Conversation> findConversationByThreadRef(String tenantId, Collection<String> threadRefs) {
        return conversations.findConversationByThreadRef(tenantId, threadRefs);
    }

    @Override
    public Conversation openConversation(Conversation candidate) {
        return conversations.openConversation(candidate);
    }

    @Override
    public Conversation updateConversation(String tenantId, String conversationId, UnaryOperator<Conversation> change) {
        return conversations.updateConversation(tenantId, conversationId, change);
    }

    /**
     * Recounts the tenant's conversations by channel, status and unread state, from which the conversation
     * list takes its {@code total} when no text is searched. The store keeps those counts in step with every
     * change it makes itself; call this after loading or changing the tenant's conversations with SQL outside
     * the store, once the load is committed and before the tenant is used again. One transaction; the other
     * tenants' counts are left alone.
     */
    public void recountTotals(String tenantId) {
        conversations.recountTotals(tenantId);
    }

    @Override
    public AppendResult append(Message message, @Nullable Instant dueAt, @Nullable ConsentChange consent) {
        return messages.append(message, dueAt, consent);
    }

    @Override
    public Optional<Message> findMessage(String tenantId, String messageId) {
        return messages.findMessage(tenantId, messageId);
    }

    @Override
    public Map<String, OutgoingMessage> outgoing(String tenantId, Collection<String> messageIds) {
        return deliveries.outgoing(tenantId, messageIds);
    }

    @Override
    public Optional<Message> findMessageByProviderId(String tenantId, ChannelId channel, String providerMessageId) {
        return messages.findMessageByProviderId(tenantId, channel, providerMessageId);
    }

    @Override
    public List<Message> messages(String tenantId, String conversationId) {
        return messages.messages(tenantId, conversationId);
    }

    @Override
    public List<Message> recentMessages(String tenantId, String conversationId, int limit) {
        return messages.recentMessages(tenantId, conversationId, limit);
    }

    @Override
    public List<Message> messagesBefore(String tenantId, String conversationId, String beforeMessageId, int limit) {
        return messages.messagesBefore(tenantId, conversationId, beforeMessageId, limit);
    }

    @Override
    public Optional<Message> updateDelivery(String tenantId, String messageId, DeliveryUpdate update) {
        return deliveries.updateDelivery(tenantId, messageId, update);
    }

    @Override
    public Optional<Message> approveDraft(String tenantId, String messageId, @Nullable String body, Instant dueAt) {
        return messages.approveDraft(tenantId, messageId, body, dueAt);
    }

    @Override
    public long markRead(String tenantId, String conversationId) {
        return conversations.markRead(tenantId, conversationId);
    }

    @Override
    public void appendEvent(ConversationEvent event) {
        events.appendEvent(event);
    }

    @Override
    public List<ConversationEvent> events(String tenantId, String conversationId) {
        return events.events(tenantId, conversationId);
    }

    @Override
    public List<ConversationEvent> events(String tenantId, String conversationId, String type, Instant since) {
        return events.events(tenantId, conversationId, type, since);
    }

    @Override
    public ConversationPage listConversations(String tenantId, ConversationQuery query) {
        return conversations.listConversations(tenantId, query);
    }

    @Override
    public ContactPage listContacts(String tenantId, ContactQuery query) {
        return contactList.page(tenantId, query);
    }

    @Override
    public List<Conversation> conversationsOf(String tenantId, String contactId) {
        return contactList.conversationsOf(tenantId, contactId);
    }

    @Override
    public Map<ChannelId, Long> unreadByChannel(String tenantId) {
        return conversations.unreadByChannel(tenantId);
    }

    @Override
    public boolean markProcessed(String tenantId, String key) {
        return processedKeys.markProcessed(tenantId, key);
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil, Duration inDoubtGrace) {
        return deliveries.claimDue(now, limit, workerId, leaseUntil, inDoubtGrace);
    }

    @Override
    public Optional<Message> complete(OutboxEntry entry, DeliveryUpdate update) {
        return deliveries.complete(entry, update);
    }

    @Override
    public List<Optional<Message>> completeAll(List<Completion> completions) {
        return deliveries.completeAll(completions);
    }

    @Override
    public void retryLater(OutboxEntry entry, Instant nextAttemptAt, String lastError) {
        deliveries.retryLater(entry, nextAttemptAt, lastError);
    }

    @Override
    public void releaseAll(String workerId) {
        deliveries.releaseAll(workerId);
    }

    @Override
    public Optional<Message> cancel(String tenantId, String messageId, Instant at) {
        return deliveries.cancel(tenantId, messageId, at);
    }

    @Override
    public boolean reschedule(String tenantId, String messageId, Instant dueAt) {
        return deliveries.reschedule(tenantId, messageId, dueAt);
    }

    @Override
    public Optional<Instant> dueAt(String tenantId, String messageId) {
        return deliveries.dueAt(tenantId, messageId);
    }

    @Override
    public long pendingCount() {
        return deliveries.pendingCount();
    }

    /** Closes Hibernate. The DataSource is the host's to close. */
    @Override
    public void close() {
        sessions.close();
    }

    /** Builds a {@link JpaConversationStore}; only the DataSource is required. */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable IdGenerator ids;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** An H2 or PostgreSQL DataSource; a pool such as HikariCP for PostgreSQL. */
        public Builder dataSource(DataSource value) {
            this.dataSource = Objects.requireNonNull(value, "dataSource");
            return this;
        }

        /** Ids of the contacts the store creates. Default: time-ordered UUIDv7 from the clock. */
        public Builder idGenerator(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "idGenerator");
            return this;
        }

        /** Creation time of the contacts and processed keys the store records. Default: system UTC. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Migrates the schema and starts Hibernate.
         *
         * @throws IllegalStateException when no DataSource was set or the database cannot be reached
         * @throws IllegalArgumentException when the database is neither H2 nor PostgreSQL
         */
        public JpaConversationStore build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required");
            }
            return new JpaConversationStore(this);
        }
    }

    // ---- staff users and inboxes (tables staff_users, inboxes, inbox_addresses, inbox_members)

    @Override
    public List<StaffUser> users(String tenantId) {
        return staff.users(tenantId);
    }

    @Override
    public Optional<StaffUser> findUser(String tenantId, String userId) {
        return staff.findUser(tenantId, userId);
    }

    @Override
    public Optional<StaffUser> findUserByEmail(String tenantId, String email) {
        return staff.findUserByEmail(tenantId, email);
    }

    @Override
    public StaffUser createUser(StaffUser user) {
        return staff.createUser(user);
    }

    @Override
    public StaffUser updateUser(String tenantId, String userId, UnaryOperator<StaffUser> change) {
        return staff.updateUser(tenantId, userId, change);
    }

    @Override
    public boolean removeUser(String tenantId, String userId) {
        return staff.removeUser(tenantId, userId);
    }

    @Override
    public List<Inbox> inboxes(String tenantId) {
        return staff.inboxes(tenantId);
    }

    @Override
    public Optional<Inbox> findInbox(String tenantId, String inboxId) {
        return staff.findInbox(tenantId, inboxId);
    }

    @Override
    public Inbox saveInbox(Inbox inbox) {
        return staff.saveInbox(inbox);
    }

    @Override
    public boolean removeInbox(String tenantId, String inboxId) {
        return staff.removeInbox(tenantId, inboxId);
    }

    @Override
    public Optional<Inbox> inboxForAddress(String tenantId, String address) {
        return staff.inboxForAddress(tenantId, address);
    }

    @Override
    public void setMembers(String tenantId, String inboxId, Set<String> userIds) {
        staff.setMembers(tenantId, inboxId, userIds);
    }
}
