package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ConversationEvent;
import dev.threadline.messaging.MessageManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff actions through the API are recorded with who did them, never with the API key itself. */
class AuditTrailTest extends ApiTestBase {

    @Autowired
    MessageManager manager;

    @Test
    void aReplyIsRecordedWithTheKeysFingerprintNotTheKey() {
        String id = startConversation(acme, "audit me");

        acme.post("/conversations/" + id + "/reply", "{\"content\":\"done\"}");

        ConversationEvent action = staffActions("acme", id).get(0);
        assertThat(action.data()).containsEntry("action", "reply");
        assertThat((String) action.data().get("actor")).matches("api-key:[0-9a-f]{8}").doesNotContain("key-acme");
    }

    @Test
    void theActorHeaderNamesTheStaffMember() {
        String id = startConversation(acme, "audit me too");

        acme.send(acme.request("/conversations/" + id + "/reply").header("Content-Type", "application/json").header("X-Actor", "Dana")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"content\":\"done\"}")));

        assertThat((String) staffActions("acme", id).get(0).data().get("actor")).startsWith("Dana (api-key:");
    }

    @Test
    void approvingAndDiscardingDraftsAreRecorded() {
        String approvedConversation = globex.post("/send", smsBody(newPhone(), "How much is Botox?", true)).text("/conversation_id");
        String approved = draftOf(approvedConversation);
        String discardedConversation = globex.post("/send", smsBody(newPhone(), "How much is Botox?", true)).text("/conversation_id");
        String discarded = draftOf(discardedConversation);

        globex.postEmpty("/messages/" + approved + "/approve");
        globex.delete("/messages/" + discarded);

        assertThat(staffActions("globex", approvedConversation).get(0).data()).containsEntry("action", "approve_draft");
        assertThat(staffActions("globex", discardedConversation).get(0).data()).containsEntry("action", "discard_draft");
    }

    private String draftOf(String conversationId) {
        return globex.get("/conversations/" + conversationId).json().at("/messages/1/id").asString();
    }

    private List<ConversationEvent> staffActions(String tenant, String conversationId) {
        return manager.events(tenant, conversationId).stream().filter(e -> e.type().equals(ConversationEvent.STAFF_ACTION)).toList();
    }
}
