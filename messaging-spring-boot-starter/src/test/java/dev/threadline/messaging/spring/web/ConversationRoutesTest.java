package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConversationRoutesTest extends ApiTestBase {

    @Test
    void listShowsTheConversationWithItsSummaryFields() {
        String phone = newPhone();
        String id = acme.post("/send", smsBody(phone, "Do you do Botox on Saturdays?", false)).text("/conversation_id");

        JsonNode row = find(acme.get("/conversations?q=" + phone.substring(1)).json(), id);

        assertThat(row.get("channel").asString()).isEqualTo("sms");
        assertThat(row.get("customer_name").asString()).isEqualTo("Test Customer");
        assertThat(row.get("customer_phone").asString()).isEqualTo(phone);
        assertThat(row.get("customer_email").isNull()).isTrue();
        assertThat(row.get("last_message").asString()).isEqualTo("Do you do Botox on Saturdays?");
        assertThat(row.get("status").asString()).isEqualTo("active");
        assertThat(row.get("message_count").asLong()).isEqualTo(1);
        assertThat(row.get("unread_count").asLong()).isEqualTo(1);
        assertThat(row.get("last_activity_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        assertThat(row.get("headline").asString()).isNotBlank();
    }

    @Test
    void listAnswersPagingFields() {
        HttpApi.Response response = acme.get("/conversations?page=1&page_size=5");

        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("page").asInt()).isEqualTo(1);
        assertThat(json.get("page_size").asInt()).isEqualTo(5);
        assertThat(json.has("total")).isTrue();
        assertThat(json.has("next_cursor")).isTrue();
    }

    @Test
    void cursorWalksEveryConversationOnceNewestFirst() {
        for (int i = 0; i < 5; i++) {
            startConversation(globex, "cursor walk " + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = globex.get("/conversations?page_size=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("conversations").forEach(row -> seen.add(row.get("id").asString()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
        } while (cursor != null);

        JsonNode all = globex.get("/conversations?page_size=100").json();
        List<String> expected = new ArrayList<>();
        all.get("conversations").forEach(row -> expected.add(row.get("id").asString()));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat((long) seen.size()).isEqualTo(all.get("total").asLong());
    }

    @Test
    void unreadFilterHidesReadConversations() {
        String id = startConversation(acme, "unread filter");
        acme.postEmpty("/conversations/" + id + "/read");

        JsonNode unread = acme.get("/conversations?unread=true&page_size=100").json();

        unread.get("conversations").forEach(row -> assertThat(row.get("id").asString()).isNotEqualTo(id));
    }

    @Test
    void statusFilterShowsOnlyThatStatus() {
        String id = startConversation(acme, "to be completed");
        acme.patch("/conversations/" + id, "{\"status\":\"completed\"}");

        JsonNode completed = acme.get("/conversations?status=completed&page_size=100").json();

        assertThat(completed.get("conversations").valueStream().map(row -> row.get("id").asString())).contains(id);
        completed.get("conversations").forEach(row -> assertThat(row.get("status").asString()).isEqualTo("completed"));
    }

    @Test
    void pageSizeOverTheMaximumIsAValidationError() {
        HttpApi.Response response = acme.get("/conversations?page_size=101");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/error/field")).isEqualTo("page_size");
    }

    @Test
    void detailPagesALongConversationBackwardsAWindowAtATime() {
        String phone = newPhone();
        String id = acme.post("/send", smsBody(phone, "message 0", false)).text("/conversation_id");
        for (int i = 1; i < 5; i++) {
            acme.post("/send", "{\"conversation_id\":\"" + id + "\",\"content\":\"message " + i + "\",\"generate_ai_response\":false}");
        }

        JsonNode newest = acme.get("/conversations/" + id + "?messages=2").json();
        JsonNode earlier = acme.get("/conversations/" + id + "?messages=2&before=" + newest.get("earlier_cursor").asString()).json();
        JsonNode first = acme.get("/conversations/" + id + "?messages=2&before=" + earlier.get("earlier_cursor").asString()).json();

        assertThat(contents(newest)).containsExactly("message 3", "message 4");
        assertThat(contents(earlier)).containsExactly("message 1", "message 2");
        assertThat(contents(first)).containsExactly("message 0");
        assertThat(first.get("earlier_cursor").isNull()).isTrue();
        assertThat(acme.get("/conversations/" + id).json().get("messages")).hasSize(5);
        assertThat(acme.get("/conversations/" + id).json().get("earlier_cursor").isNull()).isTrue();
        assertValidationError(acme.get("/conversations/" + id + "?messages=0"), "messages");
        assertValidationError(acme.get("/conversations/" + id + "?messages=2&before=not-a-message"), "before");
    }

    private static List<String> contents(JsonNode detail) {
        return detail.get("messages").valueStream().map(m -> m.get("content").asString()).toList();
    }

    @Test
    void detailShowsCustomerAndMessagesWithoutMarkingRead() {
        String id = startConversation(acme, "detail please");

        JsonNode detail = acme.get("/conversations/" + id).json();
        JsonNode again = acme.get("/conversations/" + id).json();

        assertThat(detail.at("/conversation/customer/name").asString()).isEqualTo("Test Customer");
        assertThat(detail.at("/conversation/satisfaction").isNull()).isTrue();
        assertThat(detail.at("/conversation/initiated_at").asString()).endsWith("Z");
        JsonNode message = detail.at("/messages/0");
        assertThat(message.get("direction").asString()).isEqualTo("inbound");
        assertThat(message.get("author").asString()).isEqualTo("customer");
        assertThat(message.get("content").asString()).isEqualTo("detail please");
        assertThat(message.get("status").asString()).isEqualTo("received");
        assertThat(message.get("provider_message_id").isNull()).isTrue();
        assertThat(again.at("/conversation/unread_count").asLong()).isEqualTo(1);
    }

    @Test
    void replyIsQueuedAndThenDelivered() {
        String id = startConversation(acme, "please reply");

        HttpApi.Response reply = acme.post("/conversations/" + id + "/reply", "{\"content\":\"See you Tuesday!\"}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text("/status")).isEqualTo("queued");
        String messageId = reply.text("/message_id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(statusOf(id, messageId)).isEqualTo("delivered"));
    }

    @Test
    void markReadZeroesUnread() {
        String id = startConversation(acme, "mark me read");

        HttpApi.Response response = acme.postEmpty("/conversations/" + id + "/read");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("unread_count").asLong()).isZero();
        assertThat(acme.get("/conversations/" + id).json().at("/conversation/unread_count").asLong()).isZero();
    }

    @Test
    void patchChangesStatusAndAnswersTheConversation() {
        String id = startConversation(acme, "archive me");

        HttpApi.Response response = acme.patch("/conversations/" + id, "{\"status\":\"archived\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("/conversation/id")).isEqualTo(id);
        assertThat(response.text("/conversation/status")).isEqualTo("archived");
        assertThat(response.text("/conversation/customer/name")).isEqualTo("Test Customer");
    }

    @Test
    void patchWithAnUnknownStatusIsRejected() {
        String id = startConversation(acme, "bad status");

        HttpApi.Response response = acme.patch("/conversations/" + id, "{\"status\":\"deleted\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_failed");
        assertThat(response.text("/error/field")).isEqualTo("status");
    }

    @Test
    void replyToAnArchivedConversationConflicts() {
        String id = startConversation(acme, "archived reply");
        acme.patch("/conversations/" + id, "{\"status\":\"archived\"}");

        HttpApi.Response response = acme.post("/conversations/" + id + "/reply", "{\"content\":\"hello?\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("conflict");
    }

    @Test
    void scoreAnswersScoreSentimentAndOutcomeAndStoresThem() {
        String id = startConversation(acme, "Thank you so much, that was great!");

        HttpApi.Response response = acme.postEmpty("/conversations/" + id + "/score");

        assertThat(response.status()).isEqualTo(200);
        double score = response.json().get("score").asDouble();
        assertThat(score).isBetween(1.0, 5.0);
        assertThat(response.text("/sentiment")).isEqualTo("positive");
        assertThat(response.text("/outcome")).isNotBlank();
        assertThat(acme.get("/conversations/" + id).json().at("/conversation/satisfaction/score").asDouble()).isEqualTo(score);
    }

    @Test
    void suggestionsAnswerOneToThreeReplies() {
        String id = startConversation(acme, "How much is Botox?");

        HttpApi.Response response = acme.get("/conversations/" + id + "/suggestions");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("suggestions").size()).isBetween(1, 3);
    }

    @Test
    void unreadCountsByChannel() {
        long before = acme.get("/unread").json().get("total").asLong();
        startConversation(acme, "count me");

        JsonNode unread = acme.get("/unread").json();

        assertThat(unread.get("total").asLong()).isEqualTo(before + 1);
        assertThat(unread.at("/by_channel/sms").asLong()).isPositive();
    }

    @Test
    void generateResponseAnswersTheReply() {
        String id = startConversation(acme, "How much is Botox?");

        HttpApi.Response response = acme.post("/generate-response", "{\"conversation_id\":\"" + id + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("/content")).contains("$12");
        assertThat(response.text("/message_id")).isNotBlank();
    }

    @Test
    void generateResponseWhenWeSpokeLastIsAConflictUnlessAFollowUpIsAskedFor() {
        String id = startConversation(acme, "How much is Botox?");
        acme.post("/generate-response", "{\"conversation_id\":\"" + id + "\"}");

        HttpApi.Response again = acme.post("/generate-response", "{\"conversation_id\":\"" + id + "\"}");
        HttpApi.Response followUp = acme.post("/generate-response", "{\"conversation_id\":\"" + id + "\",\"follow_up\":true}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("conflict");
        assertThat(followUp.status()).isEqualTo(200);
        assertThat(acme.get("/conversations/" + id).json().get("messages").size()).isEqualTo(3);
    }

    private String statusOf(String conversationId, String messageId) {
        for (JsonNode message : acme.get("/conversations/" + conversationId).json().get("messages")) {
            if (message.get("id").asString().equals(messageId)) {
                return message.get("status").asString();
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode row : list.get("conversations")) {
            if (row.get("id").asString().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("conversation " + id + " not listed in " + list);
    }
}
