package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /staff} and {@code /digest}, on tenant {@code clinic}, which no other test writes to. */
class StaffRoutesTest extends AutomationTestBase {

    HttpApi clinic;

    @BeforeEach
    void clinicClient() {
        clinic = new HttpApi(port, BASE, "key-clinic");
    }

    @Test
    void putStoresTheMemberWithANormalizedPhone() {
        HttpApi.Response response = clinic.put("/staff/dana",
                "{\"name\":\"Dana\",\"email\":null,\"phone\":\"(415) 555-9990\",\"level\":\"urgent_only\",\"notify_via\":\"sms\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode member = response.json().get("staff_member");
        assertThat(member.get("id").asString()).isEqualTo("dana");
        assertThat(member.get("phone").asString()).isEqualTo("+14155559990");
        assertThat(member.get("level").asString()).isEqualTo("urgent_only");
        assertThat(member.get("notify_via").asString()).isEqualTo("sms");
        assertThat(clinic.get("/staff").json().get("staff").valueStream().map(m -> m.get("id").asString())).contains("dana");
    }

    @Test
    void notifyingBySmsWithoutAPhoneIsAValidationErrorOnPhone() {
        assertValidationError(clinic.put("/staff/nophone", "{\"name\":\"No Phone\",\"notify_via\":\"sms\"}"), "phone");
    }

    @Test
    void anUnknownLevelIsAValidationErrorOnLevel() {
        assertValidationError(clinic.put("/staff/odd", "{\"name\":\"Odd\",\"level\":\"sometimes\"}"), "level");
    }

    @Test
    void aMemberWithoutNameIsAValidationErrorOnName() {
        assertValidationError(clinic.put("/staff/anon", "{\"level\":\"all\"}"), "name");
    }

    @Test
    void patchChangesOnlyTheLevel() {
        clinic.put("/staff/lee", "{\"name\":\"Lee\",\"email\":\"lee@example.com\",\"level\":\"all\",\"notify_via\":\"email\"}");

        HttpApi.Response response = clinic.patch("/staff/lee", "{\"level\":\"none\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.text("/staff_member/level")).isEqualTo("none");
        assertThat(response.text("/staff_member/email")).isEqualTo("lee@example.com");
    }

    @Test
    void patchOfAnUnknownMemberIsNotFound() {
        assertError(clinic.patch("/staff/nobody", "{\"level\":\"none\"}"), 404, "not_found");
    }

    @Test
    void patchWithoutLevelIsAValidationError() {
        clinic.put("/staff/kim", "{\"name\":\"Kim\"}");

        assertValidationError(clinic.patch("/staff/kim", "{}"), "level");
    }

    @Test
    void theDigestListsConversationsWaitingAtLeastTheThreshold() {
        String conversationId = startConversation(clinic, "Is my appointment still on?");

        JsonNode digest = clinic.get("/digest?unanswered_for=PT0S").json();

        assertThat(digest.get("unanswered_for").asString()).isEqualTo("PT0S");
        assertThat(digest.get("generated_at").asString()).endsWith("Z");
        JsonNode row = digest.get("conversations").valueStream()
                .filter(c -> c.get("conversation_id").asString().equals(conversationId)).findFirst().orElseThrow();
        assertThat(row.get("channel").asString()).isEqualTo("sms");
        assertThat(row.get("customer_name").asString()).isEqualTo("Test Customer");
        assertThat(row.get("last_message").asString()).isEqualTo("Is my appointment still on?");
        assertThat(row.get("waiting_since").asString()).endsWith("Z");
        assertThat(row.get("waiting_seconds").asLong()).isNotNegative();
    }

    @Test
    void theDefaultThresholdLeavesOutFreshConversations() {
        String conversationId = startConversation(clinic, "Quick question");

        JsonNode digest = clinic.get("/digest").json();

        assertThat(digest.get("unanswered_for").asString()).isEqualTo("PT4H");
        assertThat(digest.get("conversations").valueStream().map(c -> c.get("conversation_id").asString())).doesNotContain(conversationId);
    }

    @Test
    void anUnreadableThresholdIsAValidationError() {
        assertValidationError(clinic.get("/digest?unanswered_for=4%20hours"), "unanswered_for");
        assertValidationError(clinic.post("/digest/send", "{\"unanswered_for\":\"-PT1H\"}"), "unanswered_for");
    }

    @Test
    void sendingTheDigestTextsStaffOnTheirChannel() {
        String staffPhone = newPhone();
        clinic.put("/staff/sam", "{\"name\":\"Sam\",\"phone\":\"" + staffPhone + "\",\"level\":\"urgent_only\",\"notify_via\":\"sms\"}");
        startConversation(clinic, "Hello, anyone?");

        HttpApi.Response response = clinic.post("/digest/send", "{\"unanswered_for\":\"PT0S\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("conversations").size()).isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(clinic.get("/conversations?q=" + staffPhone.substring(1)).json().get("total").asLong()).isEqualTo(1));
    }
}
