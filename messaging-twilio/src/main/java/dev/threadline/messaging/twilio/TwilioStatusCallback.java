package dev.threadline.messaging.twilio;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.twilio.internal.TwilioErrors;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Twilio status callback, parsed by {@link TwilioWebhooks#parseStatus}. Apply it with
 * {@code manager.updateDeliveryByProviderId(tenant, callback.channel(), callback.messageSid(), callback.toUpdate(now))}:
 * statuses only move forward there, so a repeated or late callback changes nothing.
 *
 * @param messageSid Twilio's id of the message, the provider message id we stored when sending
 * @param channel {@code whatsapp} when the addresses carry the {@code whatsapp:} prefix, else {@code sms}
 * @param errorCode Twilio's error code for {@code failed}/{@code undelivered} (e.g. {@code 30003})
 * @param from our sending number, without the {@code whatsapp:} prefix
 * @param to the recipient, without the {@code whatsapp:} prefix
 */
public record TwilioStatusCallback(String messageSid, ChannelId channel, DeliveryStatus status, @Nullable String errorCode,
                                   @Nullable String errorMessage, String from, String to) {

    public TwilioStatusCallback {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Whether Twilio reports that the recipient unsubscribed (error 21610, they replied STOP). Opt them out
     * with {@code manager.optOutForMessage(tenant, message.id(), …)} for the message this SID belongs to.
     */
    public boolean recipientOptedOut() {
        return TwilioErrors.UNSUBSCRIBED_RECIPIENT.equals(errorCode);
    }

    /** The delivery update this callback reports, observed at {@code at}. */
    public DeliveryUpdate toUpdate(Instant at) {
        return new DeliveryUpdate(status, at, null, errorCode, errorMessage);
    }
}
