package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.MessagingEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells staff about new customer messages, each member as their {@link NotificationLevel} asks, and
 * builds the digest of conversations left unanswered. Urgency comes from the configured classifier; when
 * it fails (an AI provider down), from the keywords.
 */
public final class StaffNotifications {

    private static final Logger log = LoggerFactory.getLogger(StaffNotifications.class);
    private static final int PREVIEW_LENGTH = 120;
    private static final int DIGEST_PREVIEW_LENGTH = 80;

    private final MessageManager manager;
    private final StaffDirectory directory;
    private final StaffNotifier notifier;
    private final UrgencyClassifier classifier;
    private final KeywordUrgencyClassifier keywords;
    private final Clock clock;

    /**
     * @param classifier decides urgency; pass the {@code keywords} classifier itself when there is no other
     * @param keywords the fallback when {@code classifier} throws
     */
    public StaffNotifications(MessageManager manager, StaffDirectory directory, StaffNotifier notifier,
                              UrgencyClassifier classifier, KeywordUrgencyClassifier keywords, Clock clock) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.keywords = Objects.requireNonNull(keywords, "keywords");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Notifies staff of each new customer message ({@code message.created} with status {@code received}). */
    public void onEvent(MessagingEvent event) {
        if (!MessagingEvent.MESSAGE_CREATED.equals(event.type()) || event.status() != DeliveryStatus.RECEIVED
                || event.messageId() == null) {
            return;
        }
        Optional<Message> message = manager.findMessage(event.tenantId(), event.messageId());
        Optional<Conversation> conversation = manager.findConversation(event.tenantId(), event.conversationId());
        if (message.isEmpty() || conversation.isEmpty() || message.get().author() != Author.CUSTOMER
                || message.get().metadata().containsKey(Message.META_AUTO_REPLY)
                || conversation.get().status() == ConversationStatus.SPAM) {
            // An out-of-office reply, a bounce or spam is no customer waiting for staff.
            return;
        }
        notifyNewMessage(conversation.get(), message.get());
    }

    /** Sends the alert for one customer message to every member whose level wants it; returns the alert. */
    public NewMessageAlert notifyNewMessage(Conversation conversation, Message message) {
        List<StaffMember> staff = directory.list(conversation.tenantId());
        boolean urgent = isUrgent(conversation, message);
        NewMessageAlert alert = new NewMessageAlert(conversation.tenantId(), conversation.id(), message.id(), conversation.channel(),
                conversation.customerName(), Conversation.preview(message.body(), PREVIEW_LENGTH), urgent, message.createdAt());
        if (isFromStaff(conversation, staff)) {
            // A member answering a notification SMS is not a customer to be told about.
            return alert;
        }
        for (StaffMember member : staff) {
            if (member.level().wants(urgent)) {
                deliver(member, alert);
            }
        }
        return alert;
    }

    /** Whether the configured classifier (or, when it fails, the keywords) finds the message urgent. */
    public boolean isUrgent(Conversation conversation, Message message) {
        try {
            return classifier.isUrgent(conversation, message);
        } catch (RuntimeException e) {
            log.warn("Urgency classifier failed for message {}; using keywords: {}", message.id(), e.toString());
            return keywords.isUrgent(conversation, message);
        }
    }

    /** In-app unread counts for the tenant. */
    public UnreadSummary unread(String tenantId) {
        var byChannel = manager.unreadCounts(tenantId);
        return new UnreadSummary(byChannel.values().stream().mapToLong(Long::longValue).sum(), byChannel);
    }

    /**
     * Active conversations whose customer wrote last and has waited at least {@code threshold} for a reply
     * (only a message {@linkplain Message#isPartOfTheExchange() part of the exchange} answers: drafts, scheduled,
     * canceled and failed messages do not; automatic replies such as out-of-office mail are no customer turn),
     * longest waiting first.
     */
    public Digest unanswered(String tenantId, Duration threshold) {
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("threshold must not be negative");
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(threshold);
        List<UnansweredConversation> waiting = new ArrayList<>();
        ConversationQuery query = ConversationQuery.all().withStatus(ConversationStatus.ACTIVE).withPage(1, ConversationQuery.MAX_PAGE_SIZE);
        while (true) {
            ConversationPage page = manager.listConversations(tenantId, query);
            for (Conversation c : page.conversations()) {
                UnansweredConversation u = unansweredSince(c, now);
                if (u != null && !u.waitingSince().isAfter(cutoff)) {
                    waiting.add(u);
                }
            }
            if (page.nextCursor() == null) {
                break;
            }
            query = query.withCursor(page.nextCursor());
        }
        waiting.sort(Comparator.comparing(UnansweredConversation::waitingSince).thenComparing(UnansweredConversation::conversationId));
        return new Digest(tenantId, now, threshold, waiting);
    }

    private @Nullable UnansweredConversation unansweredSince(Conversation conversation, Instant now) {
        List<Message> messages = manager.getConversation(conversation.tenantId(), conversation.id()).messages();
        Message newestInbound = null;
        Instant waitingSince = null;
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.direction() == Direction.OUTBOUND) {
                if (!m.isPartOfTheExchange()) {
                    continue;
                }
                break;
            }
            if (m.metadata().containsKey(Message.META_AUTO_REPLY)) {
                // No person is waiting on an automatic reply: it neither starts nor extends the wait.
                continue;
            }
            if (newestInbound == null) {
                newestInbound = m;
            }
            waitingSince = m.createdAt();
        }
        if (newestInbound == null) {
            return null;
        }
        return new UnansweredConversation(conversation.id(), conversation.channel(), conversation.customerName(), waitingSince,
                Duration.between(waitingSince, now), Conversation.preview(newestInbound.body(), DIGEST_PREVIEW_LENGTH));
    }

    /**
     * Builds the digest and sends it to every member whose level is not {@link NotificationLevel#NONE};
     * an empty digest is not sent.
     */
    public Digest sendDigest(String tenantId, Duration threshold) {
        Digest digest = unanswered(tenantId, threshold);
        if (!digest.conversations().isEmpty()) {
            directory.list(tenantId).stream()
                    .filter(m -> m.level() != NotificationLevel.NONE)
                    .forEach(m -> deliver(m, digest));
        }
        return digest;
    }

    private void deliver(StaffMember member, StaffNotification notification) {
        try {
            notifier.notify(member, notification);
        } catch (RuntimeException e) {
            log.warn("Notifying staff member {} of tenant {} failed: {}", member.id(), member.tenantId(), e.toString());
        }
    }

    private static boolean isFromStaff(Conversation conversation, List<StaffMember> staff) {
        Set<String> staffAddresses = new HashSet<>();
        staff.forEach(m -> {
            if (m.phone() != null) {
                staffAddresses.add(m.phone());
            }
            if (m.email() != null) {
                staffAddresses.add(m.email().toLowerCase(Locale.ROOT));
            }
        });
        String address = conversation.customerAddress();
        return address != null && staffAddresses.contains(address);
    }
}
