package dev.threadline.messaging.internal.engine;

import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.support.StorableText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An inbound message as every store can keep it. What a provider delivered is the customer's and is never
 * refused: characters no database stores are dropped or replaced, and the original body and subject are kept,
 * escaped, in the metadata. Typed input with such characters is refused with the field at fault.
 */
final class StorableInbound {

    private StorableInbound() {
    }

    static InboundMessage of(InboundMessage inbound) {
        if (inbound.providerMessageId() == null) {
            StorableText.require(inbound.body(), "content");
            StorableText.require(inbound.subject(), "subject");
            StorableText.require(inbound.customerName(), "customer_name");
            return inbound;
        }
        boolean metadataStorable = inbound.metadata().values().stream().allMatch(StorableText::isStorable);
        if (StorableText.isStorable(inbound.body()) && StorableText.isStorable(inbound.subject())
                && StorableText.isStorable(inbound.customerName()) && metadataStorable) {
            return inbound;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        inbound.metadata().forEach((key, value) -> metadata.put(key, StorableText.storable(value)));
        if (!StorableText.isStorable(inbound.body())) {
            metadata.put(Message.META_ORIGINAL_BODY, StorableText.escaped(inbound.body()));
        }
        if (!StorableText.isStorable(inbound.subject())) {
            metadata.put(Message.META_ORIGINAL_SUBJECT, StorableText.escaped(Objects.requireNonNull(inbound.subject())));
        }
        return new InboundMessage(inbound.tenantId(), inbound.channel(), storableOrNull(inbound.customerName()),
                inbound.customerPhone(), inbound.customerEmail(), inbound.ourAddress(), StorableText.storable(inbound.body()),
                storableOrNull(inbound.subject()), inbound.mediaUrls(), inbound.providerMessageId(), inbound.threadRef(),
                inbound.references(), inbound.conversationId(), inbound.inboxId(), inbound.context(), inbound.markedSpam(),
                inbound.author(), inbound.generateAiReply(), inbound.receivedAt(), metadata, inbound.headers());
    }

    private static @Nullable String storableOrNull(@Nullable String text) {
        return text == null ? null : StorableText.storable(text);
    }
}
