package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.testkit.fakes.FakeTwilioApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How Twilio's failures reach the outbox: retriable or not, with Twilio's code, after exactly one request
 * (the SDK's own retries would multiply requests behind the outbox's backoff).
 */
class TwilioChannelErrorsTest {

    private FakeTwilioApi twilio;
    private TwilioSettings settings;

    @BeforeEach
    void startTwilio() throws Exception {
        twilio = new FakeTwilioApi();
        settings = TwilioSettings.of(FakeTwilioApi.ACCOUNT_SID, FakeTwilioApi.AUTH_TOKEN, Deliveries.OUR_NUMBER)
                .withApiBaseUrl(twilio.baseUrl());
    }

    @AfterEach
    void stopTwilio() {
        twilio.close();
    }

    private <T extends Throwable> T sendFails(Class<T> type) {
        TwilioChannel channel = TwilioChannel.builder(settings).clock(new FakeTime()).sleeper(new FakeTime()).build();
        T thrown = catchThrowableOfType(type, () -> channel.send(Deliveries.sms("Hello")));
        assertThat(thrown).as("send should throw %s", type.getSimpleName()).isNotNull();
        return thrown;
    }

    @Test
    void invalidNumberFailsForGoodWithTwilioCode() {
        twilio.error(400, 21211, "The 'To' number +1415555 is not a valid phone number.");

        NonRetriableMessagingException e = sendFails(NonRetriableMessagingException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.DELIVERY_FAILED);
        assertThat(e.providerErrorCode()).isEqualTo("21211");
        assertThat(e.getMessage()).isEqualTo("The 'To' number +1415555 is not a valid phone number.");
    }

    @Test
    void unsubscribedRecipientMeansOptedOut() {
        twilio.error(400, 21610, "Attempt to send to unsubscribed recipient");

        NonRetriableMessagingException e = sendFails(NonRetriableMessagingException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.RECIPIENT_OPTED_OUT);
        assertThat(e.providerErrorCode()).isEqualTo("21610");
    }

    @Test
    void rejectedCredentialsFailForGoodWithTwilioCode() {
        twilio.error(401, 20003, "Authenticate");

        NonRetriableMessagingException e = sendFails(NonRetriableMessagingException.class);

        assertThat(e.providerErrorCode()).isEqualTo("20003");
    }

    @Test
    void clientErrorWithoutTwilioBodyIsNamedByItsStatus() {
        twilio.answer(404, Map.of("Content-Type", "text/html"), "<html>Not Found</html>");

        NonRetriableMessagingException e = sendFails(NonRetriableMessagingException.class);

        assertThat(e.providerErrorCode()).isEqualTo("http_404");
    }

    @Test
    void clientErrorIsSentOnce() {
        twilio.error(400, 21211, "invalid");

        sendFails(NonRetriableMessagingException.class);

        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void tooManyRequestsIsRetriableAfterTwilioRetryAfter() {
        twilio.answer(429, Map.of("Retry-After", "7", "Content-Type", "application/json"),
                "{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\": \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}");

        RetriableMessagingException e = sendFails(RetriableMessagingException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void tooManyRequestsIsSentOnce() {
        twilio.answer(429, Map.of("Retry-After", "1"), "");

        sendFails(RetriableMessagingException.class);

        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void serverErrorIsRetriable() {
        twilio.answer(500, Map.of("Content-Type", "application/json"),
                "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}");

        RetriableMessagingException e = sendFails(RetriableMessagingException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void serverErrorIsSentOnce() {
        twilio.answer(500, Map.of(), "");

        sendFails(RetriableMessagingException.class);

        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void serviceUnavailableIsRetriableAndSentOnce() {
        twilio.answer(503, Map.of("Content-Type", "text/html", "Retry-After", "2"), "<html>Service Unavailable</html>");

        RetriableMessagingException e = sendFails(RetriableMessagingException.class);

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void unansweredRequestTimesOutAsRetriable() {
        twilio.hang();
        settings = settings.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(200));

        RetriableMessagingException e = sendFails(RetriableMessagingException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void refusedConnectionIsRetriable() throws IOException {
        settings = settings.withApiBaseUrl("http://127.0.0.1:" + closedPort());

        RetriableMessagingException e = sendFails(RetriableMessagingException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void messageTwilioReportsFailedOnCreationFailsForGood() {
        twilio.created("failed");

        NonRetriableMessagingException e = sendFails(NonRetriableMessagingException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.DELIVERY_FAILED);
    }

    @Test
    void acceptedAnswerWithoutMessageResourceIsNotResent() {
        twilio.answer(201, Map.of("Content-Type", "application/json"), "{}");

        NonRetriableMessagingException e = sendFails(NonRetriableMessagingException.class);

        assertThat(e.providerErrorCode()).isEqualTo("unreadable_response");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
