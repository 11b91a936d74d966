package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tenant {@code globex} runs in AI draft mode: AI replies wait for staff. */
class DraftRoutesTest extends ApiTestBase {

    @Test
    void inDraftModeTheAiReplyIsADraft() {
        HttpApi.Response response = globex.post("/send", smsBody(newPhone(), "How much is Botox?", true));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("/ai_response/status")).isEqualTo("draft");
    }

    @Test
    void approvingADraftQueuesIt() {
        String draftId = draft();

        HttpApi.Response response = globex.postEmpty("/messages/" + draftId + "/approve");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.text("/message_id")).isEqualTo(draftId);
        assertThat(response.text("/status")).isEqualTo("queued");
    }

    @Test
    void approvingWithContentSendsTheEditedText() {
        HttpApi.Response sent = globex.post("/send", smsBody(newPhone(), "How much is Botox?", true));
        String conversationId = sent.text("/conversation_id");
        String draftId = sent.text("/ai_response/message_id");

        globex.post("/messages/" + draftId + "/approve", "{\"content\":\"Botox is $12 per unit, see you soon!\"}");

        String content = globex.get("/conversations/" + conversationId).json().at("/messages/1/content").asString();
        assertThat(content).isEqualTo("Botox is $12 per unit, see you soon!");
    }

    @Test
    void approvingTwiceConflicts() {
        String draftId = draft();
        globex.postEmpty("/messages/" + draftId + "/approve");

        HttpApi.Response again = globex.postEmpty("/messages/" + draftId + "/approve");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("conflict");
    }

    @Test
    void discardingADraftAnswersNoContentAndCancelsIt() {
        HttpApi.Response sent = globex.post("/send", smsBody(newPhone(), "How much is Botox?", true));
        String draftId = sent.text("/ai_response/message_id");

        HttpApi.Response response = globex.delete("/messages/" + draftId);

        assertThat(response.status()).isEqualTo(204);
        String status = globex.get("/conversations/" + sent.text("/conversation_id")).json().at("/messages/1/status").asString();
        assertThat(status).isEqualTo("canceled");
    }

    @Test
    void discardingAMessageThatIsNotADraftConflicts() {
        String inboundId = globex.post("/send", smsBody(newPhone(), "hello", false)).text("/message_id");

        HttpApi.Response response = globex.delete("/messages/" + inboundId);

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void approvingAnUnknownMessageIsNotFound() {
        assertThat(globex.postEmpty("/messages/no-such-message/approve").status()).isEqualTo(404);
    }

    private String draft() {
        return globex.post("/send", smsBody(newPhone(), "How much is Botox?", true)).text("/ai_response/message_id");
    }
}
