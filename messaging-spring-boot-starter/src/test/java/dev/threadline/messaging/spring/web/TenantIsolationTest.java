package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Another tenant's ids answer 404 on every route, and lists never show them. */
class TenantIsolationTest extends ApiTestBase {

    @Test
    void anotherTenantCannotReadTheConversation() {
        String id = startConversation(acme, "private");

        assertNotFound(globex.get("/conversations/" + id));
    }

    @Test
    void anotherTenantCannotReply() {
        String id = startConversation(acme, "private");

        assertNotFound(globex.post("/conversations/" + id + "/reply", "{\"content\":\"hi\"}"));
    }

    @Test
    void anotherTenantCannotMarkRead() {
        String id = startConversation(acme, "private");

        assertNotFound(globex.postEmpty("/conversations/" + id + "/read"));
        assertThat(acme.get("/conversations/" + id).json().at("/conversation/unread_count").asLong()).isEqualTo(1);
    }

    @Test
    void anotherTenantCannotScore() {
        String id = startConversation(acme, "private");

        assertNotFound(globex.postEmpty("/conversations/" + id + "/score"));
    }

    @Test
    void anotherTenantCannotChangeStatus() {
        String id = startConversation(acme, "private");

        assertNotFound(globex.patch("/conversations/" + id, "{\"status\":\"archived\"}"));
    }

    @Test
    void anotherTenantCannotGetSuggestionsOrGenerate() {
        String id = startConversation(acme, "private");

        assertNotFound(globex.get("/conversations/" + id + "/suggestions"));
        assertNotFound(globex.post("/generate-response", "{\"conversation_id\":\"" + id + "\"}"));
    }

    @Test
    void anotherTenantCannotJoinTheConversationThroughSend() {
        String id = startConversation(acme, "private");

        assertNotFound(globex.post("/send", "{\"conversation_id\":\"" + id + "\",\"content\":\"sneaky\"}"));
    }

    @Test
    void anotherTenantCannotApproveOrDiscardMessages() {
        String messageId = acme.post("/send", smsBody(newPhone(), "private", false)).text("/message_id");

        assertNotFound(globex.postEmpty("/messages/" + messageId + "/approve"));
        assertNotFound(globex.delete("/messages/" + messageId));
    }

    @Test
    void listsShowOnlyTheCallersTenant() {
        String phone = newPhone();
        acme.post("/send", smsBody(phone, "private", false));

        assertThat(globex.get("/conversations?q=" + phone.substring(1)).json().get("total").asLong()).isZero();
    }

    private static void assertNotFound(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }
}
