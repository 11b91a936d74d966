package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.testkit.fakes.FakeTwilioApi;
import dev.threadline.messaging.testkit.fakes.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link TwilioChannel} puts on the wire, checked at a local server answering as Twilio's REST API. */
class TwilioChannelWireTest {

    private static final String DEFAULT_FROM = "+14155550199";

    private final FakeTime time = new FakeTime();
    private FakeTwilioApi twilio;
    private TwilioSettings settings;

    @BeforeEach
    void startTwilio() throws Exception {
        twilio = new FakeTwilioApi();
        settings = TwilioSettings.of(FakeTwilioApi.ACCOUNT_SID, FakeTwilioApi.AUTH_TOKEN, DEFAULT_FROM)
                .withApiBaseUrl(twilio.baseUrl())
                .withPublicBaseUrl("https://app.example.com/");
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    private TwilioChannel sms() {
        return TwilioChannel.builder(settings).clock(time).sleeper(time).build();
    }

    private TwilioChannel whatsapp() {
        return TwilioChannel.builder(settings).whatsapp().clock(time).sleeper(time).build();
    }

    @Test
    void postsToTheAccountsMessagesResource() {
        sms().send(Deliveries.sms("Hello"));

        RecordedRequest request = twilio.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(FakeTwilioApi.MESSAGES_PATH);
    }

    @Test
    void authenticatesWithAccountSidAndAuthToken() {
        sms().send(Deliveries.sms("Hello"));

        assertThat(twilio.onlyRequest().basicCredentials()).isEqualTo(FakeTwilioApi.ACCOUNT_SID + ":" + FakeTwilioApi.AUTH_TOKEN);
    }

    @Test
    void sendsToFromBodyAndStatusCallbackAsForm() {
        sms().send(Deliveries.sms("Your appointment is at 3 pm & parking is free"));

        RecordedRequest request = twilio.onlyRequest();
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.field("To")).isEqualTo(Deliveries.CUSTOMER);
        assertThat(request.field("From")).isEqualTo(Deliveries.OUR_NUMBER);
        assertThat(request.field("Body")).isEqualTo("Your appointment is at 3 pm & parking is free");
        assertThat(request.field("StatusCallback")).isEqualTo("https://app.example.com/webhooks/twilio/status?message_id=msg-1");
    }

    @Test
    void sendsFromTheConfiguredNumberWhenTheConversationNamesNoneOfOurs() {
        sms().send(Deliveries.delivery(ChannelId.SMS, "Hello", null, List.of()));

        assertThat(twilio.onlyRequest().field("From")).isEqualTo(DEFAULT_FROM);
    }

    @Test
    void omitsStatusCallbackWithoutPublicBaseUrl() {
        settings = settings.withPublicBaseUrl(null);

        sms().send(Deliveries.sms("Hello"));

        assertThat(twilio.onlyRequest().form()).doesNotContainKey("StatusCallback");
    }

    @Test
    void sendsEveryMediaUrlAsMms() {
        List<String> media = List.of("https://cdn.example.com/a.jpg", "https://cdn.example.com/b.png");

        sms().send(Deliveries.delivery(ChannelId.SMS, "Photos", Deliveries.OUR_NUMBER, media));

        assertThat(twilio.onlyRequest().fields("MediaUrl")).containsExactlyElementsOf(media);
    }

    @Test
    void whatsAppPrefixesBothAddresses() {
        whatsapp().send(Deliveries.delivery(ChannelId.WHATSAPP, "Hola", Deliveries.OUR_NUMBER, List.of()));

        RecordedRequest request = twilio.onlyRequest();
        assertThat(request.field("From")).isEqualTo("whatsapp:" + Deliveries.OUR_NUMBER);
        assertThat(request.field("To")).isEqualTo("whatsapp:" + Deliveries.CUSTOMER);
    }

    @Test
    void queuedAnswerMeansSendingWithTheMessageSid() {
        twilio.created("queued");

        SendResult result = sms().send(Deliveries.sms("Hello"));

        assertThat(result).isEqualTo(new SendResult("SM00000000000000000000000000000001", DeliveryStatus.SENDING));
    }

    @Test
    void sentAnswerMeansSent() {
        twilio.created("sent");

        assertThat(sms().send(Deliveries.sms("Hello")).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void keepsTheBasePathOfAProxyInFrontOfTwilio() {
        settings = settings.withApiBaseUrl(twilio.baseUrl() + "/twilio-proxy/");

        sms().send(Deliveries.sms("Hello"));

        assertThat(twilio.onlyRequest().path()).isEqualTo("/twilio-proxy" + FakeTwilioApi.MESSAGES_PATH);
    }

    @Test
    void smsWaitsForTheSegmentsOfThePreviousMessageFromTheSameNumber() {
        TwilioChannel sms = sms();
        String twoSegments = "x".repeat(200);

        sms.send(Deliveries.sms(twoSegments));
        sms.send(Deliveries.sms("Hello"));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void whatsAppCountsOneUnitPerMessageWhateverItsLength() {
        TwilioChannel whatsapp = whatsapp();
        String longText = "x".repeat(200);

        whatsapp.send(Deliveries.delivery(ChannelId.WHATSAPP, longText, Deliveries.OUR_NUMBER, List.of()));
        whatsapp.send(Deliveries.delivery(ChannelId.WHATSAPP, "Hola", Deliveries.OUR_NUMBER, List.of()));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    }
}
