package dev.threadline.messaging.openai;

import static dev.threadline.messaging.openai.Fixtures.conversation;
import static dev.threadline.messaging.openai.Fixtures.fromCustomer;
import static dev.threadline.messaging.openai.Fixtures.inbound;
import static dev.threadline.messaging.openai.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiResponder;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Retries, timeouts and rejected requests, and what the customer's side keeps when the provider fails. */
class OpenAiResponderFailureTest {

    @AutoClose
    private final FakeChatCompletionsApi server = new FakeChatCompletionsApi();
    private final Conversation conversation = conversation(ChannelId.SMS);
    private final AiRequest request = request(conversation, List.of(fromCustomer(conversation, "m1", 0, "Open Sunday?")));

    @Test
    void rateLimitIsRetriedThenReportedAsProviderUnavailableWithItsRetryAfter() {
        server.error(429, "rate_limit_exceeded", Map.of("Retry-After", "1"))
                .error(429, "rate_limit_exceeded", Map.of("Retry-After", "1"));

        RetriableMessagingException failure = respondExpecting(RetriableMessagingException.class, OpenAiTestSettings.pointingAt(server).maxRetries(1));

        assertThat(server.requests()).hasSize(2);
        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterDateIsReadAgainstTheRespondersClock() {
        server.error(429, "rate_limit_exceeded", Map.of("Retry-After", "Tue, 06 May 2031 08:00:30 GMT"));
        Clock clock = Clock.fixed(Instant.parse("2031-05-06T08:00:00Z"), ZoneOffset.UTC);

        RetriableMessagingException failure;
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).maxRetries(0).build(), clock)) {
            failure = catchThrowableOfType(RetriableMessagingException.class, () -> responder.respond(request));
        }

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rateLimitFollowedBySuccessGivesTheReply() {
        server.error(429, "rate_limit_exceeded", Map.of("Retry-After", "1")).answer("Closed on Sundays.");

        String reply;
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).maxRetries(1).build())) {
            reply = responder.respond(request).content();
        }

        assertThat(reply).isEqualTo("Closed on Sundays.");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void serverErrorsAreRetriedAsConfiguredThenProviderUnavailable() {
        server.error(500, "server_error", Map.of()).error(502, "bad_gateway", Map.of())
                .error(503, "unavailable", Map.of());

        RetriableMessagingException failure = respondExpecting(RetriableMessagingException.class, OpenAiTestSettings.pointingAt(server).maxRetries(2));

        assertThat(server.requests()).hasSize(3);
        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void slowAnswerBeyondTheTimeoutIsProviderUnavailable() {
        server.hang();

        RetriableMessagingException failure = respondExpecting(RetriableMessagingException.class,
                OpenAiTestSettings.pointingAt(server).timeout(Duration.ofMillis(300)).maxRetries(0));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void rejectedKeyIsProviderUnavailableAndNotRetried() {
        server.error(401, "invalid_api_key", Map.of());

        NonRetriableMessagingException failure = respondExpecting(NonRetriableMessagingException.class, OpenAiTestSettings.pointingAt(server).maxRetries(2));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure.providerErrorCode()).isEqualTo("invalid_api_key");
        assertThat(failure.getMessage()).contains("API key").doesNotContain("test-key");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void refusedRequestIsProviderUnavailableWithTheProvidersCode() {
        server.error(400, "context_length_exceeded", Map.of());

        NonRetriableMessagingException failure = respondExpecting(NonRetriableMessagingException.class, OpenAiTestSettings.pointingAt(server).maxRetries(2));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(failure.providerErrorCode()).isEqualTo("context_length_exceeded");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void unreachableServerIsProviderUnavailable() {
        String deadUrl = server.baseUrl();
        server.close();

        RetriableMessagingException failure = respondExpecting(RetriableMessagingException.class,
                OpenAiSettings.builder().apiKey("k").baseUrl(deadUrl).timeout(Duration.ofSeconds(2)).maxRetries(0));

        assertThat(failure.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void offlineResponderAnswersWhenTheProviderIsUnavailable() {
        server.error(503, "unavailable", Map.of());
        KnowledgeBase kb = new KnowledgeBase("Glow Spa", List.of("Mon-Fri 9am-5pm"), List.of(), List.of(), List.of());

        String reply;
        try (var openAi = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).maxRetries(0).build())) {
            AiResponder responder = openAi.withFallback(new KnowledgeBaseResponder(kb));
            reply = responder.respond(request(conversation, List.of(fromCustomer(conversation, "m1", 0, "What are your hours?")))).content();
        }

        assertThat(server.requests()).hasSize(1);
        assertThat(reply).contains("Mon-Fri 9am-5pm");
    }

    @Test
    void failedReplyKeepsTheCustomersMessageAndRecordsTheFailure() {
        server.error(500, "server_error", Map.of());
        try (var responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).maxRetries(0).build());
             var channel = new SimulatorChannel(ChannelId.SMS);
             var manager = MessageManager.builder().responder(responder).channel(channel).build()) {

            ReceiveResult result = manager.receive(inbound("Open Sunday?"));

            assertThat(result.aiError()).isInstanceOf(RetriableMessagingException.class);
            assertThat(manager.getConversation("tenant-1", result.conversation().id()).messages())
                    .extracting(Message::direction, Message::body)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Direction.INBOUND, "Open Sunday?"));
            assertThat(manager.events("tenant-1", result.conversation().id()))
                    .extracting(ConversationEvent::type).contains(ConversationEvent.AI_FAILED);
        }
    }

    private <T extends Throwable> T respondExpecting(Class<T> type, OpenAiSettings.Builder settings) {
        try (var responder = new OpenAiResponder(settings.build())) {
            return catchThrowableOfType(type, () -> responder.respond(request));
        }
    }
}
