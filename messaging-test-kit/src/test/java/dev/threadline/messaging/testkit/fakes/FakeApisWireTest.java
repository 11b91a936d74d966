package dev.threadline.messaging.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi.ToolCall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the provider fakes answer on the wire, read with a plain HTTP client as the providers' clients read it. */
class FakeApisWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sendGridAcceptsMailWith202AndAMessageId() throws Exception {
        try (FakeSendGridApi sendGrid = new FakeSendGridApi()) {
            HttpResponse<String> response = post(sendGrid.baseUrl() + "/v3/mail/send", "{\"subject\":\"Hi\"}", "Bearer SG.key");

            assertThat(List.of(response.statusCode(), response.body(), response.headers().firstValue("X-Message-Id").orElseThrow()))
                    .containsExactly(202, "", FakeSendGridApi.messageId(1));
            assertThat(sendGrid.onlyRequest().json().at("/subject").asText()).isEqualTo("Hi");
            assertThat(sendGrid.onlyRequest().header("authorization")).isEqualTo("Bearer SG.key");
        }
    }

    @Test
    void sendGridErrorsCarryMessageFieldAndHelp() throws Exception {
        try (FakeSendGridApi sendGrid = new FakeSendGridApi()) {
            sendGrid.error(400, "The to address is \"odd\".", "personalizations.0.to");

            HttpResponse<String> response = post(sendGrid.baseUrl() + "/v3/mail/send", "{}", "Bearer SG.key");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree(
                    "{\"errors\":[{\"message\":\"The to address is \\\"odd\\\".\",\"field\":\"personalizations.0.to\",\"help\":null}]}"));
        }
    }

    @Test
    void sendGridRateLimitCarriesTheRateLimitHeaders() throws Exception {
        try (FakeSendGridApi sendGrid = new FakeSendGridApi()) {
            sendGrid.rateLimited(Instant.ofEpochSecond(1_800_000_000L));

            HttpResponse<String> response = post(sendGrid.baseUrl() + "/v3/mail/send", "{}", "Bearer SG.key");

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(List.of(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow(),
                    response.headers().firstValue("X-RateLimit-Reset").orElseThrow())).containsExactly("0", "1800000000");
            assertThat(JSON.readTree(response.body()).at("/errors/0/message").asText()).isEqualTo("too many requests");
        }
    }

    @Test
    void sendGridAnswersOtherPathsWith404() throws Exception {
        try (FakeSendGridApi sendGrid = new FakeSendGridApi()) {
            HttpResponse<String> response = post(sendGrid.baseUrl() + "/v3/marketing/contacts", "{}", "Bearer SG.key");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).has("errors")).isTrue();
        }
    }

    @Test
    void chatCompletionsAnswerTextThenToolCallsInOrder() throws Exception {
        try (FakeChatCompletionsApi openAi = new FakeChatCompletionsApi()) {
            openAi.answer("Hello!").answerToolCalls(new ToolCall("call_1", "check_availability", "{\"date\":\"2026-11-27\"}"));

            JsonNode text = JSON.readTree(post(openAi.baseUrl() + "/chat/completions", "{\"model\":\"m\"}", "Bearer sk").body());
            JsonNode tools = JSON.readTree(post(openAi.baseUrl() + "/chat/completions", "{\"model\":\"m\"}", "Bearer sk").body());

            assertThat(List.of(text.at("/object").asText(), text.at("/choices/0/message/content").asText(),
                    text.at("/choices/0/finish_reason").asText())).containsExactly("chat.completion", "Hello!", "stop");
            assertThat(List.of(tools.at("/choices/0/finish_reason").asText(), tools.at("/choices/0/message/tool_calls/0/id").asText(),
                    tools.at("/choices/0/message/tool_calls/0/type").asText(),
                    tools.at("/choices/0/message/tool_calls/0/function/arguments").asText()))
                    .containsExactly("tool_calls", "call_1", "function", "{\"date\":\"2026-11-27\"}");
            assertThat(tools.at("/choices/0/message/content").isNull()).isTrue();
            assertThat(openAi.lastRequest().path()).isEqualTo("/v1/chat/completions");
        }
    }

    @Test
    void chatCompletionsErrorsUseOpenAisErrorObject() throws Exception {
        try (FakeChatCompletionsApi openAi = new FakeChatCompletionsApi()) {
            openAi.error(429, "rate_limit_exceeded", Map.of("Retry-After", "2"));

            HttpResponse<String> response = post(openAi.baseUrl() + "/chat/completions", "{}", "Bearer sk");

            assertThat(List.of(response.statusCode(), response.headers().firstValue("Retry-After").orElseThrow()))
                    .containsExactly(429, "2");
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertThat(List.of(error.get("code").asText(), error.get("type").asText())).containsExactly("rate_limit_exceeded", "requests");
            assertThat(error.has("message") && error.has("param")).isTrue();
        }
    }

    @Test
    void chatCompletionsRefuseWhenTheScriptIsExhausted() throws Exception {
        try (FakeChatCompletionsApi openAi = new FakeChatCompletionsApi()) {
            HttpResponse<String> response = post(openAi.baseUrl() + "/chat/completions", "{}", "Bearer sk");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).at("/error/code").asText()).isEqualTo("script_exhausted");
        }
    }

    @Test
    void aHangingFakeRecordsTheRequestButNeverAnswers() {
        try (FakeSendGridApi sendGrid = new FakeSendGridApi()) {
            sendGrid.hang();
            HttpRequest request = HttpRequest.newBuilder(URI.create(sendGrid.baseUrl() + "/v3/mail/send")).timeout(Duration.ofMillis(300))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();

            assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
            assertThat(sendGrid.requests()).hasSize(1);
        }
    }

    @Test
    void scriptedAnswersGoFirstThenTheUsualOne() throws Exception {
        try (FakeSendGridApi sendGrid = new FakeSendGridApi()) {
            sendGrid.answer(503, Map.of(), "");

            List<Integer> statuses = List.of(post(sendGrid.baseUrl() + "/v3/mail/send", "{}", "Bearer k").statusCode(),
                    post(sendGrid.baseUrl() + "/v3/mail/send", "{}", "Bearer k").statusCode());

            assertThat(statuses).containsExactly(503, 202);
        }
    }

    @Test
    void aClosedFakeRefusesConnections() {
        FakeSendGridApi sendGrid = new FakeSendGridApi();
        String url = sendGrid.baseUrl() + "/v3/mail/send";
        sendGrid.close();

        assertThatThrownBy(() -> post(url, "{}", "Bearer k")).isInstanceOf(IOException.class);
    }

    @Test
    void formBodiesAndQueriesAreDecoded() throws Exception {
        try (FakeTwilioApi twilio = new FakeTwilioApi()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(twilio.baseUrl() + FakeTwilioApi.MESSAGES_PATH + "?PageSize=20"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("To=%2B14155550123&From=%2B14155550199&Body=Hi+there&MediaUrl=a&MediaUrl=b")).build();

            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
            RecordedRequest received = twilio.onlyRequest();
            assertThat(List.of(received.field("To"), received.field("Body"), received.queryParameter("PageSize")))
                    .containsExactly("+14155550123", "Hi there", "20");
            assertThat(received.fields("MediaUrl")).containsExactly("a", "b");
        }
    }

    private HttpResponse<String> post(String url, String json, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
