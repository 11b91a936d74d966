package dev.threadline.messaging.automation.analytics;

import dev.threadline.messaging.ChannelId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The measures of one channel (or all channels) in one bucket. Measures with nothing to measure are null.
 *
 * @param periodStart first local day of the bucket
 * @param channel null for the all-channels row
 * @param conversationsStarted conversations whose first message fell in the bucket
 * @param messagesIn customer messages
 * @param messagesOut messages sent to customers, failed sends included; drafts, canceled messages and scheduled ones
 *        not yet due left out
 * @param averageFirstResponse of the conversations started in the bucket: from the first customer message
 *        to the first reply after it
 * @param medianResponse of the replies in the bucket: from the first customer message after our previous
 *        reply to this reply
 * @param deliverySuccessRate sent, delivered or read among outbound messages with a known outcome
 *        (those plus failed and undelivered)
 * @param aiReplyShare AI-written among staff- and AI-written outbound messages
 * @param averageSatisfaction of the scored conversations started in the bucket, 1.0–5.0
 * @param bookings conversations started in the bucket whose satisfaction outcome is {@value Analytics#BOOKED}
 */
public record ChannelStats(LocalDate periodStart, @Nullable ChannelId channel, long conversationsStarted, long messagesIn,
                           long messagesOut, @Nullable Duration averageFirstResponse, @Nullable Duration medianResponse,
                           @Nullable Double deliverySuccessRate, @Nullable Double aiReplyShare,
                           @Nullable Double averageSatisfaction, long bookings) {
    public ChannelStats {
        Objects.requireNonNull(periodStart, "periodStart");
    }
}
