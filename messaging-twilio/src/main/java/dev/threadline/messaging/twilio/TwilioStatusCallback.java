package dev.threadline.messaging.twilio;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.twilio.internal.TwilioErrors;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Twilio status callback, parsed by {@link TwilioWebhookParser#parseStatus}; {@link TwilioStatusProcessor} applies
 * it to a manager: by our {@link #messageId()} when the callback URL carries it (which also confirms a send whose
 * worker stopped before storing the SID), else by the SID on each of {@link #possibleChannels()}. Statuses only move
 * forward, so a repeated or late callback changes nothing.
 *
 * @param messageSid Twilio's id of the message, the provider message id we stored when sending
 * @param channel {@code whatsapp} when an address carries the {@code whatsapp:} prefix, {@code sms} when the
 *        addresses carry none, {@code null} when the callback has neither {@code From} nor {@code To}
 * @param errorCode Twilio's error code for {@code failed}/{@code undelivered} (e.g. {@code 30003})
 * @param from our sending number, without the {@code whatsapp:} prefix, when Twilio sent it
 * @param to the recipient, without the {@code whatsapp:} prefix, when Twilio sent it
 * @param messageId our id of the message, from the status-callback URL
 *        ({@value TwilioSettings#MESSAGE_ID_PARAMETER}); {@code null} for messages sent without it
 */
public record TwilioStatusCallback(String messageSid, @Nullable ChannelId channel, DeliveryStatus status,
                                   @Nullable String errorCode, @Nullable String errorMessage,
                                   @Nullable String from, @Nullable String to, @Nullable String messageId) {

    public TwilioStatusCallback {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The channels the message can be on: {@link #channel()} when known, else {@code sms} and then {@code whatsapp}.
     */
    public List<ChannelId> possibleChannels() {
        return channel != null ? List.of(channel) : List.of(ChannelId.SMS, ChannelId.WHATSAPP);
    }

    /**
     * Whether Twilio reports that the recipient unsubscribed (error 21610, they replied STOP). Opt them out
     * with {@code manager.optOutForMessage(tenant, message.id(), …)} for the message this SID belongs to.
     */
    public boolean recipientOptedOut() {
        return TwilioErrors.UNSUBSCRIBED_RECIPIENT.equals(errorCode);
    }

    /**
     * The delivery update this callback reports, observed at {@code at}, with the SID: a message that has no provider
     * id yet gets it, one that has one keeps it.
     */
    public DeliveryUpdate toUpdate(Instant at) {
        return new DeliveryUpdate(status, at, messageSid, errorCode, errorMessage);
    }
}
