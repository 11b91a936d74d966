package dev.threadline.messaging.internal.engine;

import static dev.threadline.messaging.internal.engine.InputRules.blankToNull;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Contact;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationContext;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.ConversationStore;
import dev.threadline.messaging.spi.IdGenerator;
import dev.threadline.messaging.spi.StaffStore;
import dev.threadline.messaging.staff.Inbox;
import dev.threadline.messaging.support.EmailAddresses;
import dev.threadline.messaging.support.PhoneNumbers;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which conversation a message belongs to: the customer's address normalized once, the thread key, the active
 * conversation on it, and the one place that opens a new {@link Conversation}.
 */
final class Threads {

    private final ConversationStore store;
    private final StaffStore staff;
    private final IdGenerator ids;
    private final Clock clock;
    private final String defaultRegion;

    Threads(ConversationStore store, StaffStore staff, IdGenerator ids, Clock clock, String defaultRegion) {
        this.store = store;
        this.staff = staff;
        this.ids = ids;
        this.clock = clock;
        this.defaultRegion = defaultRegion;
    }

    /** The customer's normalized phone and email; {@code key} is the one the channel addresses. */
    record CustomerAddress(@Nullable String phone, @Nullable String email, String key) {

        /** The address of a known contact on {@code channel}, already normalized when it was stored. */
        static Optional<CustomerAddress> of(Contact contact, ChannelId channel) {
            String key = channel.isPhoneBased() ? contact.phone()
                    : channel.equals(ChannelId.EMAIL) ? contact.email()
                    : contact.email() != null ? contact.email() : contact.phone();
            return Optional.ofNullable(key).map(k -> new CustomerAddress(contact.phone(), contact.email(), k));
        }
    }

    /** Normalizes what the caller gave as the customer's phone and email and checks the channel can reach them. */
    CustomerAddress customerAddress(ChannelId channel, @Nullable String rawPhone, @Nullable String rawEmail) {
        String phone = blankToNull(rawPhone) == null ? null : phone(rawPhone, "customer_phone");
        String email = blankToNull(rawEmail) == null ? null : EmailAddresses.normalize(rawEmail, "customer_email");
        if (channel.isPhoneBased()) {
            if (phone == null) {
                throw NonRetriableMessagingException.validation("customer_phone", "customer_phone is required for " + channel);
            }
            return new CustomerAddress(phone, email, phone);
        }
        if (channel.equals(ChannelId.EMAIL)) {
            if (email == null) {
                throw NonRetriableMessagingException.validation("customer_email", "customer_email is required for email");
            }
            return new CustomerAddress(phone, email, email);
        }
        if (email == null && phone == null) {
            throw NonRetriableMessagingException.validation("customer_email", "customer_email or customer_phone is required for " + channel);
        }
        return new CustomerAddress(phone, email, email != null ? email : phone);
    }

    /** A phone number as E.164, read in the default region when it has no country code. */
    String phone(String raw, String field) {
        return PhoneNumbers.toE164(raw, defaultRegion, field);
    }

    /** An address as a person typed it: an email when it has an {@code @}, else a phone number. */
    Contact contactFor(String tenantId, String address, @Nullable String name, String field) {
        boolean email = address.indexOf('@') >= 0;
        String normalized = email ? EmailAddresses.normalize(address, field) : phone(address, field);
        return store.upsertContact(tenantId, email ? null : normalized, email ? normalized : null, blankToNull(name));
    }

    /**
     * The conversation an inbound message belongs to: an explicit conversation id wins; an email's references find
     * the conversation of that {@code Message-ID}; otherwise the active conversation on the thread, or a new one.
     */
    Conversation forInbound(InboundMessage inbound) {
        String tenantId = inbound.tenantId();
        if (inbound.conversationId() != null) {
            Conversation explicit = store.findConversation(tenantId, inbound.conversationId())
                    .orElseThrow(() -> NonRetriableMessagingException.notFound("conversation", inbound.conversationId()));
            if (!explicit.channel().equals(inbound.channel())) {
                throw NonRetriableMessagingException.validation("channel", "channel does not match the conversation's channel " + explicit.channel());
            }
            Timeline.requireNotArchived(explicit);
            return explicit;
        }
        CustomerAddress address = customerAddress(inbound.channel(), inbound.customerPhone(), inbound.customerEmail());
        if (!inbound.references().isEmpty()) {
            Optional<Conversation> referenced = store.findConversationByThreadRef(tenantId, inbound.references());
            if (referenced.isPresent() && referenced.get().status() != ConversationStatus.ARCHIVED) {
                return referenced.get();
            }
        }
        String name = blankToNull(inbound.customerName());
        String threadKey = ThreadKeys.of(inbound.channel(), address.key(), inbound.ourAddress(), inbound.subject());
        return store.findActiveConversation(tenantId, threadKey).orElseGet(() -> {
            if (name == null && inbound.providerMessageId() == null) {
                // Messages typed into the console must name the customer; provider webhooks carry no names.
                throw NonRetriableMessagingException.validation("customer_name", "customer_name is required for a new conversation");
            }
            Contact contact = store.upsertContact(tenantId, address.phone(), address.email(), name);
            Instant at = inbound.receivedAt() != null ? inbound.receivedAt() : clock.instant();
            String inboxId = inboxFor(tenantId, inbound.inboxId(), inbound.ourAddress());
            return open(contact, inbound.channel(), name, inbound.ourAddress(), inboxId, threadKey, inbound.subject(), at,
                    inbound.context(), Map.of());
        });
    }

    /** The customer's active conversation on the channel's thread, else a new one (a contact made when needed). */
    Conversation findOrOpen(String tenantId, ChannelId channel, CustomerAddress address, @Nullable String name,
                            @Nullable String ourAddress, @Nullable String subject) {
        String threadKey = ThreadKeys.of(channel, address.key(), ourAddress, subject);
        return store.findActiveConversation(tenantId, threadKey).orElseGet(() -> {
            Contact contact = store.upsertContact(tenantId, address.phone(), address.email(), blankToNull(name));
            return open(contact, channel, null, ourAddress, inboxFor(tenantId, null, ourAddress), threadKey, subject,
                    clock.instant(), null, Map.of());
        });
    }

    /** A new conversation for one call: every call is its own thread. */
    Conversation openCall(String tenantId, String phone, @Nullable String name, @Nullable String ourAddress, String callKey,
                          Instant start) {
        Contact contact = store.upsertContact(tenantId, phone, null, blankToNull(name));
        String threadKey = ThreadKeys.of(ChannelId.VOICE, phone, ourAddress, null) + "|" + callKey;
        return open(contact, ChannelId.VOICE, null, ourAddress, inboxFor(tenantId, null, ourAddress), threadKey, null, start,
                null, Map.of("call_id", callKey));
    }

    /**
     * The inbox a new conversation opens in: the one asked for, else the one its receiving address is routed to,
     * else the default inbox.
     */
    private String inboxFor(String tenantId, @Nullable String asked, @Nullable String ourAddress) {
        if (asked != null) {
            return staff.findInbox(tenantId, asked).map(Inbox::id)
                    .orElseThrow(() -> NonRetriableMessagingException.validation("inbox_id", "no inbox " + asked));
        }
        return ourAddress == null ? Inbox.DEFAULT_ID
                : staff.inboxForAddress(tenantId, ourAddress).map(Inbox::id).orElse(Inbox.DEFAULT_ID);
    }

    private Conversation open(Contact contact, ChannelId channel, @Nullable String name, @Nullable String ourAddress,
                              String inboxId, String threadKey, @Nullable String subject, Instant at,
                              @Nullable ConversationContext context, Map<String, String> metadata) {
        return store.openConversation(new Conversation(ids.newId(), contact.tenantId(), channel, contact.id(),
                name != null ? name : contact.name(), contact.phone(), contact.email(), ourAddress, threadKey,
                ConversationStatus.ACTIVE, blankToNull(subject), null, at, at, 0, 0, null, null, inboxId, null, null, context, metadata, 0));
    }
}
