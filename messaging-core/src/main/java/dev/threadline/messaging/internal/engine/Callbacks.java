package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.CallbackResult;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.support.EmailAddresses;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What providers report after the fact: delivery moves, and opt-outs from bounces, spam reports and errors. */
public final class Callbacks {

    private static final Logger log = LoggerFactory.getLogger(Callbacks.class);

    private final ConversationStore store;
    private final Threads threads;
    private final Timeline timeline;
    private final ConsentGate consent;

    Callbacks(ConversationStore store, Threads threads, Timeline timeline, ConsentGate consent) {
        this.store = store;
        this.threads = threads;
        this.timeline = timeline;
        this.consent = consent;
    }

    public CallbackResult updateDeliveryByProviderId(String tenantId, ChannelId channel, String providerMessageId, DeliveryUpdate update) {
        return store.findMessageByProviderId(tenantId, channel, providerMessageId)
                .map(message -> updateDelivery(message, update))
                .orElseGet(CallbackResult::unknown);
    }

    public CallbackResult updateDelivery(String tenantId, String messageId, DeliveryUpdate update) {
        return store.findMessage(tenantId, messageId)
                .map(message -> updateDelivery(message, update))
                .orElseGet(CallbackResult::unknown);
    }

    private CallbackResult updateDelivery(Message message, DeliveryUpdate update) {
        Optional<Message> updated = store.updateDelivery(message.tenantId(), message.id(), update);
        updated.ifPresent(timeline::statusChanged);
        return updated.map(CallbackResult::applied).orElseGet(() -> CallbackResult.notForward(message));
    }

    public Contact optOut(String tenantId, ChannelId channel, String address, String reason) {
        boolean phone = channel.isPhoneBased();
        String normalized = phone ? threads.phone(address, "address") : EmailAddresses.normalize(address, "address");
        Contact contact = store.upsertContact(tenantId, phone ? normalized : null, phone ? null : normalized, null);
        log.info("Contact {} opted out of {}: {}", contact.id(), channel, reason);
        return consent.changing(tenantId, contact.id(), () -> store.setOptedOut(tenantId, contact.id(), channel, true));
    }

    public void optOutForMessage(String tenantId, String messageId, String reason) {
        Message message = timeline.requireMessage(tenantId, messageId);
        optOut(timeline.requireConversation(tenantId, message.conversationId()), message.channel(), reason);
    }

    /** Opts the conversation's contact out of {@code channel} and records it on the conversation's timeline. */
    void optOut(Conversation conversation, ChannelId channel, String reason) {
        consent.changing(conversation.tenantId(), conversation.contactId(),
                () -> store.setOptedOut(conversation.tenantId(), conversation.contactId(), channel, true));
        timeline.append(conversation, ConversationEvent.OPTED_OUT, Map.of("channel", channel.value(), "reason", reason));
        timeline.updated(conversation);
    }

    public boolean markProcessed(String tenantId, String key) {
        return store.markProcessed(tenantId, key);
    }
}
