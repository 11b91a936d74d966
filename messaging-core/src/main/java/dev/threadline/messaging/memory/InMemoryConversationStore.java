package dev.threadline.messaging.memory;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.ContactPage;
import dev.threadline.messaging.ContactQuery;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationCounters;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.AppendResult;
import dev.threadline.messaging.spi.ConsentChange;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.OutboxEntry;
import dev.threadline.messaging.spi.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe store in memory: the default for tests and for hosts that need no durability. Every
 * operation holds one lock, which makes each trivially atomic; it is not built for many cores.
 */
public final class InMemoryConversationStore implements ConversationStore, OutboxStore {


    private final ContactBook contacts;
    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, String> activeByThreadKey = new HashMap<>();
    private final Map<String, Message> messages = new HashMap<>();
    private final Map<String, List<String>> messageIdsByConversation = new HashMap<>();
    private final Map<String, String> messageIdByProviderId = new HashMap<>();
    private final Map<String, String> conversationIdByThreadRef = new HashMap<>();
    private final Map<String, List<ConversationEvent>> eventsByConversation = new HashMap<>();
    private final Map<String, OutboxRow> outbox = new LinkedHashMap<>();
    private final Set<String> processedKeys = new HashSet<>();

    public InMemoryConversationStore(IdGenerator ids, Clock clock) {
        this.contacts = new ContactBook(ids, clock);
    }

    private static String key(String tenantId, String id) {
        return tenantId + "\u0000" + id;
    }

    // ---- contacts

    @Override
    public synchronized Contact upsertContact(String tenantId, @Nullable String phone, @Nullable String email, @Nullable String name) {
        return contacts.upsert(tenantId, phone, email, name);
    }

    @Override
    public synchronized Optional<Contact> findContact(String tenantId, String contactId) {
        return contacts.find(tenantId, contactId);
    }

    @Override
    public synchronized Contact setOptedOut(String tenantId, String contactId, ChannelId channel, boolean optedOut) {
        return contacts.setOptedOut(tenantId, contactId, channel, optedOut);
    }

    // ---- conversations

    @Override
    public synchronized Optional<Conversation> findConversation(String tenantId, String conversationId) {
        return Optional.ofNullable(conversations.get(key(tenantId, conversationId)));
    }

    @Override
    public synchronized Optional<Conversation> findActiveConversation(String tenantId, String threadKey) {
        return Optional.ofNullable(activeByThreadKey.get(key(tenantId, threadKey)))
                .map(id -> conversations.get(key(tenantId, id)));
    }

    @Override
    public synchronized Optional<Conversation> findConversationByThreadRef(String tenantId, Collection<String> threadRefs) {
        for (String ref : threadRefs) {
            String conversationId = conversationIdByThreadRef.get(key(tenantId, ref));
            if (conversationId != null) {
                return findConversation(tenantId, conversationId);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Conversation openConversation(Conversation candidate) {
        Optional<Conversation> existing = findActiveConversation(candidate.tenantId(), candidate.threadKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        conversations.put(key(candidate.tenantId(), candidate.id()), candidate);
        if (candidate.status().receivesThread()) {
            activeByThreadKey.put(key(candidate.tenantId(), candidate.threadKey()), candidate.id());
        }
        return candidate;
    }

    @Override
    public synchronized Conversation updateConversation(String tenantId, String conversationId, UnaryOperator<Conversation> change) {
        Conversation current = findConversation(tenantId, conversationId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", conversationId));
        Conversation changed = change.apply(current);
        Conversation updated = new Conversation(current.id(), current.tenantId(), current.channel(), current.contactId(),
                changed.customerName(), changed.customerPhone(), changed.customerEmail(), current.ourAddress(),
                current.threadKey(), changed.status(), changed.subject(), changed.headline(), current.initiatedAt(),
                current.lastActivityAt(), current.messageCount(), current.unreadCount(), current.lastMessagePreview(),
                changed.satisfaction(), changed.inboxId(), changed.assigneeId(), current.awaitingReplySince(), changed.context(),
                changed.metadata(),
                current.version() + 1);
        String threadKey = key(tenantId, current.threadKey());
        if (current.status().receivesThread() && !updated.status().receivesThread()) {
            activeByThreadKey.remove(threadKey, current.id());
        } else if (!current.status().receivesThread() && updated.status().receivesThread()) {
            if (activeByThreadKey.containsKey(threadKey)) {
                throw NonRetriableMessagingException.conflict("another conversation with this customer is active");
            }
            activeByThreadKey.put(threadKey, current.id());
        }
        conversations.put(key(tenantId, conversationId), updated);
        return updated;
    }

    // ---- messages

    @Override
    public synchronized AppendResult append(Message message, @Nullable Instant dueAt, @Nullable ConsentChange consent) {
        String tenantId = message.tenantId();
        Conversation conversation = findConversation(tenantId, message.conversationId())
                .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", message.conversationId()));
        Message sameId = messages.get(key(tenantId, message.id()));
        if (sameId != null) {
            return new AppendResult(findConversation(tenantId, sameId.conversationId()).orElse(conversation), sameId, true);
        }
        if (message.providerMessageId() != null) {
            String providerKey = providerKey(tenantId, message.channel(), message.providerMessageId());
            String earlier = messageIdByProviderId.get(providerKey);
            if (earlier != null) {
                Message existing = messages.get(key(tenantId, earlier));
                return new AppendResult(findConversation(tenantId, existing.conversationId()).orElse(conversation), existing, true);
            }
            messageIdByProviderId.put(providerKey, message.id());
        }
        messages.put(key(tenantId, message.id()), message);
        messageIdsByConversation.computeIfAbsent(key(tenantId, conversation.id()), k -> new ArrayList<>()).add(message.id());
        if (message.threadRef() != null) {
            conversationIdByThreadRef.put(key(tenantId, message.threadRef()), conversation.id());
        }
        Conversation updated = conversation.withAppended(message);
        conversations.put(key(tenantId, conversation.id()), updated);
        if (dueAt != null) {
            outbox.put(key(tenantId, message.id()), new OutboxRow(tenantId, message.id(), dueAt));
        }
        if (consent != null) {
            setOptedOut(tenantId, conversation.contactId(), consent.channel(), consent.optedOut());
            appendEvent(consent.event());
        }
        return new AppendResult(updated, message, false);
    }

    private static String providerKey(String tenantId, ChannelId channel, String providerMessageId) {
        return key(tenantId, channel.value() + "\u0000" + providerMessageId);
    }

    @Override
    public synchronized Optional<Message> findMessage(String tenantId, String messageId) {
        return Optional.ofNullable(messages.get(key(tenantId, messageId)));
    }

    @Override
    public synchronized Optional<Message> findMessageByProviderId(String tenantId, ChannelId channel, String providerMessageId) {
        return Optional.ofNullable(messageIdByProviderId.get(providerKey(tenantId, channel, providerMessageId)))
                .map(id -> messages.get(key(tenantId, id)));
    }

    @Override
    public synchronized List<Message> messages(String tenantId, String conversationId) {
        return messageIdsByConversation.getOrDefault(key(tenantId, conversationId), List.of()).stream()
                .map(id -> messages.get(key(tenantId, id))).toList();
    }

    @Override
    public synchronized List<Message> recentMessages(String tenantId, String conversationId, int limit) {
        List<Message> all = messages(tenantId, conversationId);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    @Override
    public synchronized List<Message> messagesBefore(String tenantId, String conversationId, String beforeMessageId, int limit) {
        List<String> ids = messageIdsByConversation.getOrDefault(key(tenantId, conversationId), List.of());
        int end = ids.indexOf(beforeMessageId);
        return end < 0 ? List.of() : ids.subList(Math.max(0, end - limit), end).stream().map(id -> messages.get(key(tenantId, id))).toList();
    }

    @Override
    public synchronized Optional<Message> updateDelivery(String tenantId, String messageId, DeliveryUpdate update) {
        Message current = messages.get(key(tenantId, messageId));
        if (current == null || !current.status().canMoveTo(update.status())) {
            return Optional.empty();
        }
        String newProviderKey = newProviderKey(current, update);
        if (newProviderKey != null) {
            String holder = messageIdByProviderId.get(newProviderKey);
            if (holder != null && !holder.equals(messageId)) {
                throw providerIdConflict(update.providerMessageId(), holder);
            }
            messageIdByProviderId.put(newProviderKey, messageId);
        }
        Message updated = current.withDelivery(update);
        messages.put(key(tenantId, messageId), updated);
        return Optional.of(updated);
    }

    /** The provider-id key the update would give the message: only a forward move of a message without one gets one. */
    private static @Nullable String newProviderKey(Message current, DeliveryUpdate update) {
        boolean gets = update.providerMessageId() != null && current.providerMessageId() == null
                && current.status().canMoveTo(update.status());
        return gets ? providerKey(current.tenantId(), current.channel(), update.providerMessageId()) : null;
    }

    private static NonRetriableMessagingException providerIdConflict(String providerMessageId, String holder) {
        return NonRetriableMessagingException.conflict("provider message id " + providerMessageId + " is already message " + holder + "'s");
    }

    @Override
    public synchronized Optional<Message> approveDraft(String tenantId, String messageId, @Nullable String body, Instant dueAt) {
        Message current = messages.get(key(tenantId, messageId));
        if (current == null || current.status() != DeliveryStatus.DRAFT) {
            return Optional.empty();
        }
        Message edited = body == null ? current : current.withBody(body);
        Message queued = edited.withDelivery(DeliveryUpdate.of(DeliveryStatus.QUEUED, dueAt));
        messages.put(key(tenantId, messageId), queued);
        outbox.put(key(tenantId, messageId), new OutboxRow(tenantId, messageId, dueAt));
        conversations.computeIfPresent(key(tenantId, queued.conversationId()),
                (k, c) -> c.with(ConversationCounters.approving(queued, dueAt)));
        return Optional.of(queued);
    }

    @Override
    public synchronized long markRead(String tenantId, String conversationId) {
        Conversation c = findConversation(tenantId, conversationId)
                .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", conversationId));
        conversations.put(key(tenantId, conversationId), c.withUnreadCount(0).withVersion(c.version() + 1));
        return c.unreadCount();
    }

    // ---- events

    @Override
    public synchronized void appendEvent(ConversationEvent event) {
        eventsByConversation.computeIfAbsent(key(event.tenantId(), event.conversationId()), k -> new ArrayList<>()).add(event);
    }

    @Override
    public synchronized List<ConversationEvent> events(String tenantId, String conversationId) {
        return List.copyOf(eventsByConversation.getOrDefault(key(tenantId, conversationId), List.of()));
    }

    @Override
    public synchronized List<ConversationEvent> events(String tenantId, String conversationId, String type, Instant since) {
        return events(tenantId, conversationId).stream()
                .filter(e -> e.type().equals(type) && !e.occurredAt().isBefore(since))
                .toList();
    }

    // ---- queries

    @Override
    public synchronized ConversationPage listConversations(String tenantId, ConversationQuery query) {
        return ConversationListing.page(conversations.values().stream().filter(c -> c.tenantId().equals(tenantId)), query,
                c -> messages(c.tenantId(), c.id()));
    }

    @Override
    public synchronized ContactPage listContacts(String tenantId, ContactQuery query) {
        Map<String, List<Conversation>> byContact = conversations.values().stream()
                .filter(c -> c.tenantId().equals(tenantId))
                .collect(Collectors.groupingBy(Conversation::contactId));
        return ContactListing.page(contacts.ofTenant(tenantId), byContact, query);
    }

    @Override
    public synchronized List<Conversation> conversationsOf(String tenantId, String contactId) {
        return conversations.values().stream()
                .filter(c -> c.tenantId().equals(tenantId) && c.contactId().equals(contactId))
                .sorted(Comparator.comparing(Conversation::lastActivityAt).thenComparing(Conversation::id).reversed())
                .toList();
    }

    @Override
    public synchronized Map<ChannelId, Long> unreadByChannel(String tenantId) {
        Map<ChannelId, Long> counts = new TreeMap<>(Comparator.comparing(ChannelId::value));
        conversations.values().stream()
                .filter(c -> c.tenantId().equals(tenantId) && c.unreadCount() > 0 && c.status() != ConversationStatus.SPAM)
                .forEach(c -> counts.merge(c.channel(), c.unreadCount(), Long::sum));
        return counts;
    }

    @Override
    public synchronized boolean markProcessed(String tenantId, String key) {
        return processedKeys.add(key(tenantId, key));
    }

    // ---- outbox

    @Override
    public synchronized List<OutboxEntry> claimDue(Instant now, int limit, String workerId, Instant leaseUntil, Duration inDoubtGrace) {
        Instant abandonedBefore = now.minus(inDoubtGrace);
        List<OutboxEntry> claimed = new ArrayList<>();
        List<OutboxRow> due = outbox.values().stream()
                .filter(row -> !row.dueAt.isAfter(now) && (row.leaseUntil == null || !row.leaseUntil.isAfter(abandonedBefore)))
                .sorted(Comparator.comparing((OutboxRow row) -> row.dueAt).thenComparing(row -> row.messageId))
                .limit(limit)
                .toList();
        for (OutboxRow row : due) {
            boolean inDoubt = row.leaseUntil != null;
            row.workerId = workerId;
            row.leaseUntil = leaseUntil;
            claimed.add(new OutboxEntry(row.tenantId, row.messageId, row.dueAt, row.attempts, workerId, leaseUntil, inDoubt));
        }
        return claimed;
    }

    @Override
    public synchronized Optional<Message> complete(OutboxEntry entry, DeliveryUpdate update) {
        if (claimedRow(entry) == null) {
            return Optional.empty();
        }
        Optional<Message> updated = updateDelivery(entry.tenantId(), entry.messageId(), update);
        outbox.remove(key(entry.tenantId(), entry.messageId()));
        return updated.isPresent() ? updated : findMessage(entry.tenantId(), entry.messageId());
    }

    /** All or nothing, as in a database transaction: a provider id clash anywhere in the batch completes none of it. */
    @Override
    public synchronized List<Optional<Message>> completeAll(List<Completion> completions) {
        Map<String, String> given = new HashMap<>();
        for (Completion c : completions) {
            Message current = claimedRow(c.entry()) == null ? null : messages.get(key(c.entry().tenantId(), c.entry().messageId()));
            String newKey = current == null ? null : newProviderKey(current, c.update());
            if (newKey != null) {
                String holder = given.containsKey(newKey) ? given.get(newKey) : messageIdByProviderId.get(newKey);
                if (holder != null && !holder.equals(current.id())) {
                    throw providerIdConflict(c.update().providerMessageId(), holder);
                }
                given.put(newKey, current.id());
            }
        }
        return completions.stream().map(c -> complete(c.entry(), c.update())).toList();
    }

    private @Nullable OutboxRow claimedRow(OutboxEntry entry) {
        OutboxRow row = outbox.get(key(entry.tenantId(), entry.messageId()));
        return row != null && entry.workerId().equals(row.workerId) ? row : null;
    }

    @Override
    public synchronized void retryLater(OutboxEntry entry, Instant nextAttemptAt, String lastError) {
        OutboxRow row = claimedRow(entry);
        if (row != null) {
            row.workerId = null;
            row.leaseUntil = null;
            row.dueAt = nextAttemptAt;
            row.attempts = entry.attempts() + 1;
        }
    }

    @Override
    public synchronized void releaseAll(String workerId) {
        outbox.values().stream().filter(row -> workerId.equals(row.workerId)).forEach(row -> {
            row.workerId = null;
            row.leaseUntil = null;
        });
    }

    @Override
    public synchronized Optional<Message> cancel(String tenantId, String messageId, Instant at) {
        OutboxRow row = outbox.get(key(tenantId, messageId));
        if (row == null || row.leaseUntil != null) {
            return Optional.empty();
        }
        outbox.remove(key(tenantId, messageId));
        return updateDelivery(tenantId, messageId, DeliveryUpdate.of(DeliveryStatus.CANCELED, at));
    }

    @Override
    public synchronized boolean reschedule(String tenantId, String messageId, Instant dueAt) {
        OutboxRow row = outbox.get(key(tenantId, messageId));
        if (row == null || row.workerId != null) {
            return false;
        }
        row.dueAt = dueAt;
        return true;
    }

    @Override
    public synchronized Optional<Instant> dueAt(String tenantId, String messageId) {
        OutboxRow row = outbox.get(key(tenantId, messageId));
        return row == null || row.workerId != null ? Optional.empty() : Optional.of(row.dueAt);
    }

    @Override
    public synchronized long pendingCount() {
        return outbox.size();
    }
}
