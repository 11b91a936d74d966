package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendLookup;
import dev.threadline.messaging.testkit.fakes.FakeTwilioApi;
import dev.threadline.messaging.testkit.fakes.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link TwilioChannel} asks Twilio whether it already has a message whose send was interrupted: Twilio's
 * message list, read from a local server that filters and pages it as Twilio does.
 */
class TwilioLookupTest {

    private final FakeTime time = new FakeTime();
    private final Instant attemptStart = time.instant();
    private FakeTwilioApi twilio;
    private TwilioSettings settings;

    @BeforeEach
    void startTwilio() throws Exception {
        twilio = new FakeTwilioApi(time);
        settings = TwilioSettings.of(FakeTwilioApi.ACCOUNT_SID, FakeTwilioApi.AUTH_TOKEN, "+14155550199")
                .withApiBaseUrl(twilio.baseUrl())
                .withPublicBaseUrl("https://app.example.com");
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    private TwilioChannel sms() {
        return TwilioChannel.builder(settings).clock(time).sleeper(time).build();
    }

    private SendLookup lookUp(OutboundDelivery delivery) {
        return sms().lookUpEarlierSend(delivery, attemptStart);
    }

    private List<RecordedRequest> reads() {
        return twilio.requests("GET");
    }

    @Test
    void readsTheListFilteredByRecipientSenderAndSendDateAsTheSdkDoes() {
        lookUp(Deliveries.sms("Hello"));

        RecordedRequest read = twilio.onlyRequest();
        assertThat(read.method()).isEqualTo("GET");
        assertThat(read.path()).isEqualTo(FakeTwilioApi.MESSAGES_PATH);
        assertThat(read.basicCredentials()).isEqualTo(FakeTwilioApi.ACCOUNT_SID + ":" + FakeTwilioApi.AUTH_TOKEN);
        assertThat(read.query()).containsOnlyKeys("To", "From", "DateSent>", "PageSize");
        assertThat(read.queryParameter("To")).isEqualTo(Deliveries.CUSTOMER);
        assertThat(read.queryParameter("From")).isEqualTo(Deliveries.OUR_NUMBER);
        assertThat(read.queryParameter("DateSent>")).as("the attempt's start, less a minute for Twilio's clock")
                .isEqualTo("2026-03-02T09:59:00");
    }

    @Test
    void findsTheMessageTwilioTookWithItsSidAndStatus() {
        OutboundDelivery delivery = Deliveries.sms("See you Tuesday at 3 pm");
        String sid = sms().send(delivery).providerMessageId();

        SendLookup lookup = lookUp(delivery);

        assertThat(lookup.answered()).isTrue();
        assertThat(lookup.matches()).containsExactly(new DeliveryUpdate(DeliveryStatus.SENT, time.instant(), sid, null, null));
    }

    @Test
    void messagesWithOtherTextInboundOnesAndOlderOnesAreNoMatch() {
        twilio.has(Deliveries.OUR_NUMBER, Deliveries.CUSTOMER, "See you Wednesday", "outbound-api", attemptStart);
        twilio.has(Deliveries.CUSTOMER, Deliveries.OUR_NUMBER, "See you Tuesday", "inbound", attemptStart);
        twilio.has(Deliveries.OUR_NUMBER, Deliveries.CUSTOMER, "See you Tuesday", "outbound-api", attemptStart.minus(Duration.ofHours(1)));
        twilio.has(Deliveries.OUR_NUMBER, "+14155550777", "See you Tuesday", "outbound-api", attemptStart);

        SendLookup lookup = lookUp(Deliveries.sms("See you Tuesday"));

        assertThat(lookup.answered()).isTrue();
        assertThat(lookup.matches()).isEmpty();
    }

    @Test
    void matchesComeOldestFirst() {
        OutboundDelivery delivery = Deliveries.sms("Thanks!");
        String first = sms().send(delivery).providerMessageId();
        time.advance(Duration.ofSeconds(5));
        String second = sms().send(delivery).providerMessageId();

        assertThat(lookUp(delivery).matches()).extracting(DeliveryUpdate::providerMessageId).containsExactly(first, second);
    }

    @Test
    void followsTheNextPageToAMatchFurtherDown() {
        OutboundDelivery delivery = Deliveries.sms("Hello");
        String sid = sms().send(delivery).providerMessageId();
        for (int i = 1; i <= 150; i++) {
            twilio.has(Deliveries.OUR_NUMBER, Deliveries.CUSTOMER, "Reminder " + i, "outbound-api", attemptStart.plusSeconds(i));
        }

        SendLookup lookup = lookUp(delivery);

        assertThat(lookup.matches()).extracting(DeliveryUpdate::providerMessageId).containsExactly(sid);
        assertThat(reads()).hasSize(2);
        assertThat(reads().get(1).queryParameter("Page")).isEqualTo("1");
        assertThat(reads().get(1).queryParameter("PageToken")).startsWith("PA");
    }

    @Test
    void whatsAppLooksUpPrefixedAddresses() {
        OutboundDelivery delivery = Deliveries.delivery(ChannelId.WHATSAPP, "Hola", Deliveries.OUR_NUMBER, List.of());
        TwilioChannel whatsapp = TwilioChannel.builder(settings).whatsapp().clock(time).sleeper(time).build();
        String sid = whatsapp.send(delivery).providerMessageId();

        SendLookup lookup = whatsapp.lookUpEarlierSend(delivery, attemptStart);

        assertThat(reads().get(0).queryParameter("To")).isEqualTo("whatsapp:" + Deliveries.CUSTOMER);
        assertThat(reads().get(0).queryParameter("From")).isEqualTo("whatsapp:" + Deliveries.OUR_NUMBER);
        assertThat(lookup.matches()).extracting(DeliveryUpdate::providerMessageId).containsExactly(sid);
    }

    @Test
    void aListTwilioCannotServeNowIsRetriable() {
        twilio.answer(503, Map.of("Retry-After", "4"), "");

        assertThatThrownBy(() -> lookUp(Deliveries.sms("Hello"))).isInstanceOfSatisfying(RetriableMessagingException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE));
    }
}
