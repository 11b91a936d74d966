package dev.threadline.messaging.twilio;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.OutboundDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Outbound deliveries as the delivery worker hands them to a channel. */
final class Deliveries {

    static final String CUSTOMER = "+14155550123";
    static final String OUR_NUMBER = "+14155550100";

    private static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");

    private Deliveries() {
    }

    static OutboundDelivery sms(String body) {
        return delivery(ChannelId.SMS, body, OUR_NUMBER, List.of());
    }

    static OutboundDelivery delivery(ChannelId channel, String body, String ourAddress, List<String> mediaUrls) {
        return delivery(channel, body, ourAddress, CUSTOMER, mediaUrls);
    }

    static OutboundDelivery delivery(ChannelId channel, String body, String ourAddress, String customerPhone, List<String> mediaUrls) {
        Conversation conversation = new Conversation("conv-1", "acme", channel, "contact-1", "Ana", customerPhone, null, ourAddress,
                channel + "|" + customerPhone, ConversationStatus.ACTIVE, null, null, AT, AT, 1, 0, null, null, "default", null, null, null, Map.of(), 1);
        Message message = new Message("msg-1", "acme", conversation.id(), channel, Direction.OUTBOUND, Author.STAFF, body, null,
                mediaUrls, null, null, DeliveryStatus.QUEUED, AT, AT, null, null, Map.of());
        return new OutboundDelivery(message, conversation, List.of(), 1);
    }
}
