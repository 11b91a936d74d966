package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import dev.threadline.messaging.testkit.fakes.FakeSendGridApi;
import dev.threadline.messaging.testkit.fakes.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendGridChannelTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String KEY = "SG.test-key";

    private final FakeSendGridApi sendGrid = new FakeSendGridApi();
    private SendGridChannel channel = channel(sendGrid.baseUrl(), SendGridSettings.Timeouts.DEFAULT);

    @AfterEach
    void stop() {
        channel.close();
        sendGrid.close();
    }

    @Test
    void acceptedMailIsSentWithSendGridsMessageId() {
        SendResult result = channel.send(delivery(message("m-1", "Hello"), List.of()));

        assertThat(result).isEqualTo(new SendResult(FakeSendGridApi.messageId(1), DeliveryStatus.SENT));
    }

    @Test
    void postsToMailSendWithBearerKeyAndJson() {
        channel.send(delivery(message("m-1", "Hello"), List.of()));

        RecordedRequest request = sendGrid.onlyRequest();
        assertThat(List.of(request.method(), request.path(), request.header("Authorization"), request.header("Content-Type")))
                .containsExactly("POST", "/v3/mail/send", "Bearer " + KEY, "application/json");
    }

    @Test
    void addressesTheCustomerFromOurSender() {
        channel.send(delivery(message("m-1", "Hello"), List.of()));

        JsonNode mail = sendGrid.onlyRequest().json();
        assertThat(mail.at("/personalizations/0/to").toString()).isEqualTo("[{\"name\":\"Ana Lima\",\"email\":\"ana@example.com\"}]");
        assertThat(mail.at("/from").toString()).isEqualTo("{\"name\":\"Acme Clinic\",\"email\":\"hello@acme.test\"}");
        assertThat(mail.at("/reply_to/email").asText()).isEqualTo("replies@parse.acme.test");
        assertThat(mail.at("/subject").asText()).isEqualTo("Re: Your booking");
    }

    @Test
    void sendsTextWithAnEscapedHtmlAlternative() {
        channel.send(delivery(message("m-1", "Price: <b>$5</b> & more\nSee you"), List.of()));

        JsonNode content = sendGrid.onlyRequest().json().at("/content");
        assertThat(content.at("/0/type").asText()).isEqualTo("text/plain");
        assertThat(content.at("/0/value").asText()).isEqualTo("Price: <b>$5</b> & more\nSee you");
        assertThat(content.at("/1/type").asText()).isEqualTo("text/html");
        assertThat(content.at("/1/value").asText()).contains("Price: &lt;b&gt;$5&lt;/b&gt; &amp; more<br>").contains("See you");
    }

    @Test
    void firstMailCarriesOnlyItsOwnMessageId() {
        channel.send(delivery(message("m-1", "Hello"), List.of()));

        JsonNode headers = sendGrid.onlyRequest().json().at("/headers");
        assertThat(headers.toString()).isEqualTo("{\"Message-ID\":\"<m-1@acme.test>\"}");
    }

    @Test
    void replyPointsAtTheNewestEarlierMailAndReferencesAll() {
        channel.send(delivery(message("m-3", "Hello"), List.of("<first@mail.example.com>", "<m-2@acme.test>")));

        JsonNode headers = sendGrid.onlyRequest().json().at("/headers");
        assertThat(headers.path("Message-ID").asText()).isEqualTo("<m-3@acme.test>");
        assertThat(headers.path("In-Reply-To").asText()).isEqualTo("<m-2@acme.test>");
        assertThat(headers.path("References").asText()).isEqualTo("<first@mail.example.com> <m-2@acme.test>");
    }

    @Test
    void customArgsCarryOurMessageAndTenant() {
        channel.send(delivery(message("m-1", "Hello"), List.of()));

        assertThat(sendGrid.onlyRequest().json().at("/custom_args").toString())
                .isEqualTo("{\"threadline_message_id\":\"m-1\",\"threadline_tenant_id\":\"acme\"}");
    }

    @Test
    void rateLimitIsRetriableWithRetryAfter() {
        sendGrid.answer(429, Map.of("Retry-After", "7", "Content-Type", "application/json"), "{\"errors\":[{\"message\":\"too many requests\"}]}");

        RetriableMessagingException failure = catchThrowableOfType(RetriableMessagingException.class, this::sendOne);

        assertThat(List.of(failure.code(), failure.retryAfter())).containsExactly(ErrorCode.RATE_LIMITED, Duration.ofSeconds(7));
    }

    @Test
    void rateLimitResetTimeBecomesTheWait() {
        sendGrid.rateLimited(NOW.plusSeconds(42));

        RetriableMessagingException failure = catchThrowableOfType(RetriableMessagingException.class, this::sendOne);

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void serverErrorIsRetriable() {
        sendGrid.error(500, "internal error", null);

        RetriableMessagingException failure = catchThrowableOfType(RetriableMessagingException.class, this::sendOne);

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void badRequestFailsForGoodWithSendGridsExplanation() {
        sendGrid.error(400, "The from address does not match a verified Sender Identity.", "from");

        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class, this::sendOne);

        assertThat(List.of(failure.code(), failure.providerErrorCode(), failure.field(), failure.getMessage()))
                .containsExactly(ErrorCode.DELIVERY_FAILED, "400", "from",
                        "SendGrid rejected the mail (400): The from address does not match a verified Sender Identity. (field from)");
    }

    @Test
    void rejectedKeyFailsForGood() {
        sendGrid.error(401, "authorization required", null);

        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class, this::sendOne);

        assertThat(failure.providerErrorCode()).isEqualTo("401");
    }

    @Test
    void unreachableServerIsRetriable() {
        FakeSendGridApi gone = new FakeSendGridApi();
        String url = gone.baseUrl();
        gone.close();
        channel.close();
        channel = channel(url, SendGridSettings.Timeouts.DEFAULT);

        assertThatThrownBy(this::sendOne).isInstanceOf(RetriableMessagingException.class);
    }

    @Test
    void silentServerRunsIntoTheReadTimeoutAndIsRetriable() {
        sendGrid.hang();
        channel.close();
        channel = channel(sendGrid.baseUrl(), new SendGridSettings.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));

        assertThatThrownBy(this::sendOne).isInstanceOf(RetriableMessagingException.class)
                .hasMessageContaining("SocketTimeoutException");
    }

    @Test
    void pathOfTheBaseUrlIsKeptInFrontOfTheApi() {
        channel.close();
        channel = channel(sendGrid.baseUrl() + "/proxy/sendgrid/", SendGridSettings.Timeouts.DEFAULT);

        sendOne();

        assertThat(sendGrid.onlyRequest().path()).isEqualTo("/proxy/sendgrid/v3/mail/send");
    }

    private void sendOne() {
        channel.send(delivery(message("m-1", "Hello"), List.of()));
    }

    private static SendGridChannel channel(String baseUrl, SendGridSettings.Timeouts timeouts) {
        SendGridSettings settings = SendGridSettings.builder(KEY, "hello@acme.test")
                .fromName("Acme Clinic")
                .replyTo("replies@parse.acme.test")
                .apiBaseUrl(baseUrl)
                .timeouts(timeouts)
                .build();
        return new SendGridChannel(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Message message(String id, String body) {
        return new Message(id, "acme", "c-1", ChannelId.EMAIL, Direction.OUTBOUND, Author.STAFF, body, "Re: Your booking",
                List.of(), null, "<" + id + "@acme.test>", DeliveryStatus.QUEUED, NOW, NOW, null, null, Map.of());
    }

    private static OutboundDelivery delivery(Message message, List<String> earlierThreadRefs) {
        Conversation conversation = new Conversation("c-1", "acme", ChannelId.EMAIL, "contact-1", "Ana Lima", null,
                "ana@example.com", "hello@acme.test", "email|ana@example.com|hello@acme.test|your booking",
                ConversationStatus.ACTIVE, "Your booking", null, NOW, NOW, 1, 0, null, null, "default", null, null, null, Map.of(), 0);
        return new OutboundDelivery(message, conversation, earlierThreadRefs, 1);
    }
}
