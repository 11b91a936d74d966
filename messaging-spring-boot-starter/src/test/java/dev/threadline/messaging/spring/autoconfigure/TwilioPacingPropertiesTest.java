package dev.threadline.messaging.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.sun.net.httpserver.HttpServer;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spring.MessagingAutoConfiguration;
import dev.threadline.messaging.spring.MessagingTwilioAutoConfiguration;
import dev.threadline.messaging.twilio.TwilioChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code messaging.twilio.pacing.*} properties pace the sends of the channels the starter builds. The app's
 * clock stands still, so a number's next slot is exactly one send's share of its configured rate away; with
 * {@code max-wait} 0 s a send that would have to wait for it is refused at once, with that wait as its
 * {@code Retry-After}, instead of sleeping. The sends go to a stand-in of Twilio's Messages resource on 127.0.0.1.
 */
class TwilioPacingPropertiesTest {

    private static final String LONG_CODE = "+14155550001";
    private static final String TOLL_FREE = "+18005550100";
    private static final String CUSTOMER = "+14155550123";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private HttpServer twilio;
    private final List<String> sentFrom = new CopyOnWriteArrayList<>();

    private ApplicationContextRunner runner;

    @BeforeEach
    void startTwilio() throws IOException {
        AtomicInteger sids = new AtomicInteger();
        twilio = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        twilio.createContext("/", exchange -> {
            sentFrom.add(formField(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), "From"));
            byte[] created = """
                    {"sid": "SM%032d", "status": "queued"}""".formatted(sids.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, created.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(created);
            }
        });
        twilio.start();
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingTwilioAutoConfiguration.class, MessagingAutoConfiguration.class))
                .withBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC))
                .withPropertyValues("messaging.delivery.enabled=false", "messaging.jpa.enabled=false",
                        "messaging.twilio.account-sid=AC" + "1".repeat(32), "messaging.twilio.auth-token=token",
                        "messaging.twilio.from-number=" + LONG_CODE,
                        "messaging.twilio.api-base-url=http://127.0.0.1:" + twilio.getAddress().getPort(),
                        "messaging.twilio.pacing.max-wait=0s");
    }

    @AfterEach
    void stopTwilio() {
        twilio.stop(0);
    }

    @Test
    void tollFreeNumberConfiguredAtTenSegmentsPerSecondHasASlotEveryTenthOfASecond() {
        runner.withPropertyValues("messaging.twilio.pacing.segments-per-second.[+18005550100]=10").run(context -> {
            TwilioChannel sms = context.getBean("twilioSmsChannel", TwilioChannel.class);
            sms.send(sms(TOLL_FREE));

            assertThatExceptionOfType(RetriableMessagingException.class).isThrownBy(() -> sms.send(sms(TOLL_FREE)))
                    .satisfies(paced -> {
                        assertThat(paced.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                        assertThat(paced.retryAfter()).isEqualTo(Duration.ofMillis(100));
                    });
            assertThat(sentFrom).containsExactly(TOLL_FREE);
        });
    }

    @Test
    void numbersNotListedSendAtTheDefaultRate() {
        runner.withPropertyValues("messaging.twilio.pacing.default-segments-per-second=4",
                "messaging.twilio.pacing.segments-per-second.[+18005550100]=10").run(context -> {
            TwilioChannel sms = context.getBean("twilioSmsChannel", TwilioChannel.class);
            sms.send(sms(LONG_CODE));

            assertThatExceptionOfType(RetriableMessagingException.class).isThrownBy(() -> sms.send(sms(LONG_CODE)))
                    .extracting(RetriableMessagingException::retryAfter).isEqualTo(Duration.ofMillis(250));
            assertThat(sentFrom).containsExactly(LONG_CODE);
        });
    }

    @Test
    void whatsAppSenderIsPacedByTheSameRates() {
        runner.withPropertyValues("messaging.twilio.whatsapp-from-number=" + TOLL_FREE,
                "messaging.twilio.pacing.segments-per-second.[+18005550100]=10").run(context -> {
            TwilioChannel whatsApp = context.getBean("twilioWhatsAppChannel", TwilioChannel.class);
            whatsApp.send(delivery(ChannelId.WHATSAPP, null));

            assertThatExceptionOfType(RetriableMessagingException.class).isThrownBy(() -> whatsApp.send(delivery(ChannelId.WHATSAPP, null)))
                    .extracting(RetriableMessagingException::retryAfter).isEqualTo(Duration.ofMillis(100));
            assertThat(sentFrom).containsExactly("whatsapp:" + TOLL_FREE);
        });
    }

    /** A one-segment SMS from {@code ourNumber}, the number the customer wrote to. */
    private static OutboundDelivery sms(String ourNumber) {
        return delivery(ChannelId.SMS, ourNumber);
    }

    /**
     * A one-segment staff message to the customer as the delivery worker hands it to the channel; without
     * {@code ourAddress} it goes out from the channel's configured sending number.
     */
    private static OutboundDelivery delivery(ChannelId channel, @Nullable String ourAddress) {
        Conversation conversation = new Conversation("conv-1", "acme", channel, "contact-1", "Ana", CUSTOMER, null, ourAddress,
                channel + "|" + CUSTOMER, ConversationStatus.ACTIVE, null, null, NOW, NOW, 1, 0, null, null, Map.of(), 1);
        Message message = new Message("msg-1", "acme", conversation.id(), channel, Direction.OUTBOUND, Author.STAFF, "See you Tuesday!",
                null, List.of(), null, null, DeliveryStatus.QUEUED, NOW, NOW, null, null, Map.of());
        return new OutboundDelivery(message, conversation, List.of(), 1);
    }

    private static String formField(String form, String name) {
        return Arrays.stream(form.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair[0].equals(name))
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + form));
    }
}
