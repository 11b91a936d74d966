package dev.threadline.messaging.twilio;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendLookup;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.support.SmsSegments;
import dev.threadline.messaging.twilio.internal.SendPacer;
import dev.threadline.messaging.twilio.internal.TwilioAddresses;
import dev.threadline.messaging.twilio.internal.TwilioMessagesApi;
import dev.threadline.messaging.twilio.internal.TwilioMessagesApi.CreatedMessage;
import dev.threadline.messaging.twilio.internal.TwilioMessagesApi.ListedMessage;
import dev.threadline.messaging.twilio.internal.TwilioStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
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
 * is the customer's phone; {@code StatusCallback} points at the application's status route, with our
 * message id as {@value TwilioSettings#MESSAGE_ID_PARAMETER}, when a public base URL is set; media go as
 * {@code MediaUrl}. WhatsApp prefixes both addresses with {@code whatsapp:}. Sends are paced per sending
 * number ({@link TwilioPacing}). Failures are classified once: 429, 5xx and unanswered requests are
 * retriable (the outbox retries them with backoff and {@code Retry-After}); other answers fail the message
 * with Twilio's error code, and 21610 opts the recipient out.
 *
 * <p>{@link #lookUpEarlierSend} reads Twilio's message list filtered by {@code To}, {@code From} and
 * {@code DateSent}, and matches on the text: Twilio keeps no field of ours on a message.
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

    /**
     * How much earlier than our clock's {@code since} a lookup searches: Twilio stamps messages with its own clock.
     */
    static final Duration LOOKUP_CLOCK_SKEW = Duration.ofMinutes(1);

    /** How the channel waits for a pacing slot; tests pass one that advances a fake clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Kind kind;
    private final TwilioSettings settings;
    private final TwilioMessagesApi api;
    private final TwilioPacing pacing;
    private final SendPacer pacer;
    private final Clock clock;

    private TwilioChannel(Builder b) {
        this.kind = b.kind;
        this.settings = b.settings;
        this.api = new TwilioMessagesApi(b.settings, b.clock);
        this.pacing = b.pacing;
        this.pacer = new SendPacer(b.pacing, b.clock, b.sleeper);
        this.clock = b.clock;
    }

    /** SMS/MMS with the default pacing (1 segment per second per number). */
    public static TwilioChannel sms(TwilioSettings settings) {
        return builder(settings).build();
    }

    /** WhatsApp ({@code whatsapp} channel) with the default pacing (1 message per second per number). */
    public static TwilioChannel whatsapp(TwilioSettings settings) {
        return builder(settings).whatsapp().build();
    }

    /** How fast this channel lets each sending number send. */
    public TwilioPacing pacing() {
        return pacing;
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
        Route route = route(delivery.conversation());
        pacer.acquire(route.from(), kind.paceUnits.applyAsInt(message.body()));
        CreatedMessage created = api.create(kind.address.apply(route.from()), kind.address.apply(route.to()), message.body(),
                settings.statusCallbackUrl(message.id()), message.mediaUrls());
        log.debug("Twilio took message {} as {} ({})", message.id(), created.sid(), created.status());
        return new SendResult(created.sid(), TwilioStatuses.afterCreation(created.status()));
    }

    /**
     * Twilio's outbound messages on this delivery's route with its text, sent since {@code since} (less
     * {@link #LOOKUP_CLOCK_SKEW}), oldest first, each as the delivery update its status reports. One list request
     * per page of matches; the send pacing does not apply.
     */
    @Override
    public SendLookup lookUpEarlierSend(OutboundDelivery delivery, Instant since) {
        Message message = delivery.message();
        Route route = route(delivery.conversation());
        Instant from = since.minus(LOOKUP_CLOCK_SKEW);
        return SendLookup.answered(api.sentSince(kind.address.apply(route.from()), kind.address.apply(route.to()), from).stream()
                .filter(m -> m.outbound() && message.body().equals(m.body()) && m.created() != null && !m.created().isBefore(from))
                .sorted(Comparator.comparing(ListedMessage::created))
                .map(this::asUpdate)
                .toList());
    }

    /** What a listed message says of its delivery; a status Twilio did not define counts as still sending. */
    private DeliveryUpdate asUpdate(ListedMessage listed) {
        DeliveryStatus status = Objects.requireNonNullElse(TwilioStatuses.toDeliveryStatus(listed.status()), DeliveryStatus.SENDING);
        boolean failed = status == DeliveryStatus.FAILED || status == DeliveryStatus.UNDELIVERED;
        return new DeliveryUpdate(status, clock.instant(), listed.sid(),
                failed && listed.errorCode() != null ? listed.errorCode().toString() : null, failed ? listed.errorMessage() : null);
    }

    /** Our number and the customer's, without any {@code whatsapp:} prefix. */
    private Route route(Conversation conversation) {
        String to = conversation.customerPhone();
        if (to == null) {
            throw NonRetriableMessagingException.validation("customer_phone", "the conversation has no phone number to send to");
        }
        return new Route(TwilioAddresses.bare(conversation.ourAddress() != null ? conversation.ourAddress() : settings.fromNumber()), to);
    }

    private record Route(String from, String to) {
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
