package dev.threadline.messaging.twilio;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.support.SmsSegments;
import dev.threadline.messaging.twilio.internal.SendPacer;
import dev.threadline.messaging.twilio.internal.TwilioAddresses;
import dev.threadline.messaging.twilio.internal.TwilioMessagesApi;
import dev.threadline.messaging.twilio.internal.TwilioMessagesApi.CreatedMessage;
import dev.threadline.messaging.twilio.internal.TwilioStatuses;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS (and MMS) or WhatsApp through the Twilio REST API.
 *
 * <p>Each {@link #send} is one {@code Messages} create request: {@code From} is our number the customer
 * wrote to (the conversation's {@code ourAddress}) or else the configured {@code fromNumber}; {@code To}
 * is the customer's phone; {@code StatusCallback} points at the application's status route when a
 * public base URL is set; media go as {@code MediaUrl}. WhatsApp prefixes both addresses with
 * {@code whatsapp:}. Sends are paced per sending number ({@link TwilioPacing}). Failures are classified
 * once: 429, 5xx and unanswered requests are retriable (the outbox retries them with backoff and
 * {@code Retry-After}); other answers fail the message with Twilio's error code, and 21610 opts the
 * recipient out.
 *
 * <pre>{@code
 * TwilioSettings settings = TwilioSettings.of(accountSid, authToken, "+15550001111")
 *         .withPublicBaseUrl("https://example.com");
 * MessageManager manager = MessageManager.builder()
 *         .channel(TwilioChannel.sms(settings))
 *         .channel(TwilioChannel.whatsapp(settings))
 *         .build();
 * }</pre>
 */
public final class TwilioChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(TwilioChannel.class);

    /** How the channel waits for a pacing slot; tests pass one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Kind kind;
    private final TwilioSettings settings;
    private final TwilioMessagesApi api;
    private final SendPacer pacer;

    private TwilioChannel(Builder b) {
        this.kind = b.kind;
        this.settings = b.settings;
        this.api = new TwilioMessagesApi(b.settings, b.clock);
        this.pacer = new SendPacer(b.pacing, b.clock, b.sleeper);
    }

    /** SMS/MMS with the default pacing (1 segment per second per number). */
    public static TwilioChannel sms(TwilioSettings settings) {
        return builder(settings).build();
    }

    /** WhatsApp ({@code whatsapp} channel) with the default pacing (1 message per second per number). */
    public static TwilioChannel whatsapp(TwilioSettings settings) {
        return builder(settings).whatsapp().build();
    }

    /** A builder for an SMS channel; call {@link Builder#whatsapp()} for WhatsApp. */
    public static Builder builder(TwilioSettings settings) {
        return new Builder(settings);
    }

    @Override
    public ChannelId id() {
        return kind.id;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.SMS;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) {
        Message message = delivery.message();
        Conversation conversation = delivery.conversation();
        String from = TwilioAddresses.bare(conversation.ourAddress() != null ? conversation.ourAddress() : settings.fromNumber());
        String to = conversation.customerPhone();
        if (to == null) {
            throw NonRetriableMessagingException.validation("customer_phone", "the conversation has no phone number to send to");
        }
        pacer.acquire(from, kind.paceUnits.applyAsInt(message.body()));
        CreatedMessage created = api.create(kind.address.apply(from), kind.address.apply(to), message.body(),
                settings.statusCallbackUrl(), message.mediaUrls());
        log.debug("Twilio took message {} as {} ({})", message.id(), created.sid(), created.status());
        return new SendResult(created.sid(), TwilioStatuses.afterCreation(created.status()));
    }

    /** What differs between SMS and WhatsApp. */
    private enum Kind {
        SMS(ChannelId.SMS, UnaryOperator.identity(), SmsSegments::count),
        WHATSAPP(ChannelId.WHATSAPP, TwilioAddresses::whatsApp, body -> 1);

        final ChannelId id;
        final UnaryOperator<String> address;
        final ToIntFunction<String> paceUnits;

        Kind(ChannelId id, UnaryOperator<String> address, ToIntFunction<String> paceUnits) {
            this.id = id;
            this.address = address;
            this.paceUnits = paceUnits;
        }
    }

    /** Builds a {@link TwilioChannel}; everything but the settings has a default. */
    public static final class Builder {
        private final TwilioSettings settings;
        private Kind kind = Kind.SMS;
        private TwilioPacing pacing = TwilioPacing.LONG_CODE;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

        private Builder(TwilioSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Sends on the {@code whatsapp} channel with {@code whatsapp:} addresses. */
        public Builder whatsapp() {
            this.kind = Kind.WHATSAPP;
            return this;
        }

        /** Rates per sending number. Default {@link TwilioPacing#LONG_CODE}. */
        public Builder pacing(TwilioPacing value) {
            this.pacing = Objects.requireNonNull(value, "pacing");
            return this;
        }

        /** The clock pacing and {@code Retry-After} dates are measured against. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How to wait for a pacing slot. Default: sleep the calling thread. */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        public TwilioChannel build() {
            return new TwilioChannel(this);
        }
    }

    @Override
    public String toString() {
        return "TwilioChannel[" + kind.id + ", " + settings.apiBaseUrl() + "]";
    }
}
