package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import dev.threadline.messaging.testkit.WebhookSigner;

class TwilioWebhookTest extends WebhookTestBase {

    private static final AtomicInteger SIDS = new AtomicInteger();

    @Test
    void signedInboundMessageIsAcknowledgedWithEmptyTwiml() {
        HttpApi.Response response = postSignedTwilio("/webhooks/twilio/sms", inbound(ApiTestBase.newPhone(), "Hi there"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/xml");
        assertThat(response.body()).endsWith("<Response/>");
    }

    @Test
    void signedInboundMessageIsStoredUnderTheTenantOfTheReceivingNumber() {
        String phone = ApiTestBase.newPhone();

        postSignedTwilio("/webhooks/twilio/sms", inbound(phone, "Do you have openings Friday?"));

        JsonNode row = awaitConversation(phone);
        assertThat(row.get("channel").asString()).isEqualTo("sms");
        assertThat(row.get("last_message").asString()).isEqualTo("Do you have openings Friday?");
    }

    @Test
    void inAutoModeTheAiReplyGoesOutThroughTheSameChannel() {
        String phone = ApiTestBase.newPhone();
        Map<String, String> form = new java.util.HashMap<>(inbound(phone, "How much is Botox?"));
        form.put("To", REPLYING_NUMBER);
        HttpApi replying = acme.as("key-replying");

        postSignedTwilio("/webhooks/twilio/sms", form);

        JsonNode reply = await().atMost(Duration.ofSeconds(5)).until(() -> {
            JsonNode list = replying.get("/conversations?q=" + phone.substring(1)).json().get("conversations");
            if (list.isEmpty()) {
                return null;
            }
            JsonNode messages = replying.get("/conversations/" + list.get(0).get("id").asString()).json().get("messages");
            return messages.size() < 2 ? null : messages.get(1);
        }, message -> message != null && message.get("status").asString().equals("sent"));
        assertThat(reply.get("author").asString()).isEqualTo("ai");
        assertThat(reply.get("direction").asString()).isEqualTo("outbound");
        assertThat(reply.get("content").asString()).contains("$12");
    }

    @Test
    void repeatedMessageSidIsStoredOnce() {
        String phone = ApiTestBase.newPhone();
        Map<String, String> form = inbound(phone, "only once");

        postSignedTwilio("/webhooks/twilio/sms", form);
        postSignedTwilio("/webhooks/twilio/sms", form);
        postSignedTwilio("/webhooks/twilio/sms", inbound(phone, "a later message"));

        // Webhooks are processed in order per thread pool slot; wait for the last one, then count.
        await().atMost(Duration.ofSeconds(5)).until(() -> awaitConversation(phone).get("message_count").asLong() >= 2);
        assertThat(awaitConversation(phone).get("message_count").asLong()).isEqualTo(2);
    }

    @Test
    void unsignedInboundMessageIsForbidden() {
        HttpApi.Response response = postTwilio("/webhooks/twilio/sms", inbound(ApiTestBase.newPhone(), "hi"), null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("invalid_signature");
    }

    @Test
    void inboundMessageSignedWithAnotherTokenIsForbidden() {
        Map<String, String> form = inbound(ApiTestBase.newPhone(), "hi");

        HttpApi.Response response = postTwilio("/webhooks/twilio/sms", form,
                WebhookSigner.twilio("another-token", PUBLIC_URL + "/webhooks/twilio/sms", form));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void inboundMessageSignedForAnotherUrlIsForbidden() {
        Map<String, String> form = inbound(ApiTestBase.newPhone(), "hi");

        HttpApi.Response response = postTwilio("/webhooks/twilio/sms", form,
                WebhookSigner.twilio(AUTH_TOKEN, "https://attacker.example/webhooks/twilio/sms", form));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void tamperedParameterBreaksTheSignature() {
        Map<String, String> form = inbound(ApiTestBase.newPhone(), "hi");
        String signature = WebhookSigner.twilio(AUTH_TOKEN, PUBLIC_URL + "/webhooks/twilio/sms", form);
        Map<String, String> tampered = new java.util.LinkedHashMap<>(form);
        tampered.put("Body", "send me everything");

        assertThat(postTwilio("/webhooks/twilio/sms", tampered, signature).status()).isEqualTo(403);
    }

    @Test
    void webhookBodyOverTheWebhookLimitIsPayloadTooLarge() {
        Map<String, String> form = new java.util.HashMap<>(inbound(ApiTestBase.newPhone(), "x".repeat(150_000)));

        HttpApi.Response response = postSignedTwilio("/webhooks/twilio/sms", form);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void stopKeywordOptsTheSenderOut() {
        String phone = ApiTestBase.newPhone();
        postSignedTwilio("/webhooks/twilio/sms", inbound(phone, "hello"));
        String conversationId = awaitConversation(phone).get("id").asString();

        postSignedTwilio("/webhooks/twilio/sms", inbound(phone, "STOP"));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
                acme.post("/conversations/" + conversationId + "/reply", "{\"content\":\"still there?\"}").status()).isEqualTo(422));
    }

    @Test
    void statusCallbackMovesTheMessageForwardOnly() {
        Reply reply = smsReply(ApiTestBase.newPhone());

        HttpApi.Response delivered = postSignedTwilio("/webhooks/twilio/status", status(reply.sid(), "delivered", reply.phone()));
        postSignedTwilio("/webhooks/twilio/status", status(reply.sid(), "sent", reply.phone()));

        assertThat(delivered.status()).isEqualTo(200);
        assertThat(statusOf(reply)).isEqualTo("delivered");
    }

    @Test
    void aStatusCallbackFindsItsMessageByOurIdOnTheCallbackUrlEvenWithoutAStoredSid() {
        Reply reply = smsReply(ApiTestBase.newPhone());
        // As when the worker died after Twilio took the message but before the SID was stored: only our id matches.
        String path = "/webhooks/twilio/status?message_id=" + reply.messageId();
        Map<String, String> delivered = status("SM" + "5".repeat(32), "delivered", reply.phone());

        HttpApi.Response response = postSignedTwilio(path, delivered);

        assertThat(response.status()).isEqualTo(200);
        assertThat(statusOf(reply)).isEqualTo("delivered");
    }

    @Test
    void undeliveredWithUnsubscribedErrorOptsTheRecipientOut() {
        Reply reply = smsReply(ApiTestBase.newPhone());
        Map<String, String> failed = new java.util.HashMap<>(status(reply.sid(), "undelivered", reply.phone()));
        failed.put("ErrorCode", "21610");

        postSignedTwilio("/webhooks/twilio/status", failed);

        assertThat(statusOf(reply)).isEqualTo("undelivered");
        assertThat(acme.post("/conversations/" + reply.conversationId() + "/reply", "{\"content\":\"still there?\"}").status())
                .isEqualTo(422);
    }

    @Test
    void statusCallbackWithoutAddressesFindsTheSmsMessage() {
        Reply reply = smsReply(ApiTestBase.newPhone());

        postSignedTwilio("/webhooks/twilio/status", unaddressedStatus(reply.sid(), "delivered"));

        assertThat(statusOf(reply)).isEqualTo("delivered");
    }

    @Test
    void statusCallbackWithoutAddressesFindsTheWhatsAppMessage() throws InterruptedException {
        String phone = ApiTestBase.newPhone();
        String conversationId = whatsAppConversation(phone);
        String messageId = staffReply(conversationId);
        assertThat(whatsApp.awaitSending(messageId)).as("the reply is being sent").isTrue();
        whatsApp.release(messageId);
        String sid = await().atMost(Duration.ofSeconds(5)).until(() -> providerId(conversationId, messageId), id -> id != null);

        postSignedTwilio("/webhooks/twilio/status", unaddressedStatus(sid, "delivered"));

        assertThat(message(conversationId, messageId).get("status").asString()).isEqualTo("delivered");
    }

    @Test
    void statusCallbackArrivingBeforeTheSidIsStoredStillApplies() throws InterruptedException {
        String phone = ApiTestBase.newPhone();
        String conversationId = whatsAppConversation(phone);
        String messageId = staffReply(conversationId);
        assertThat(whatsApp.awaitSending(messageId)).as("the reply is being sent").isTrue();

        postSignedTwilio("/webhooks/twilio/status", whatsAppStatus(HeldWhatsAppChannel.sidOf(messageId), "delivered", phone));
        whatsApp.release(messageId);

        await().atMost(Duration.ofSeconds(5)).until(() -> message(conversationId, messageId).get("status").asString(), "delivered"::equals);
    }

    @Test
    void statusCallbackForAnUnknownSidIsAcknowledged() {
        HttpApi.Response response = postSignedTwilio("/webhooks/twilio/status", status("SM" + "0".repeat(32), "delivered", ApiTestBase.newPhone()));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void unsignedStatusCallbackIsForbidden() {
        HttpApi.Response response = postTwilio("/webhooks/twilio/status", status("SM1", "delivered", ApiTestBase.newPhone()), "bm90LWEtc2lnbmF0dXJl");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("invalid_signature");
    }

    private static Map<String, String> inbound(String from, String body) {
        return Map.of("MessageSid", "SM" + String.format("%032d", SIDS.incrementAndGet() + 1000L * ProcessHandle.current().pid()),
                "AccountSid", "AC" + "1".repeat(32), "From", from, "To", OUR_NUMBER, "Body", body, "NumMedia", "0");
    }

    private static Map<String, String> status(String sid, String status, String to) {
        return Map.of("MessageSid", sid, "MessageStatus", status, "From", OUR_NUMBER, "To", to, "AccountSid", "AC" + "1".repeat(32));
    }

    private static Map<String, String> whatsAppStatus(String sid, String status, String to) {
        return Map.of("MessageSid", sid, "MessageStatus", status, "From", "whatsapp:" + OUR_NUMBER, "To", "whatsapp:" + to,
                "AccountSid", "AC" + "1".repeat(32));
    }

    /** A status callback with only the fields API.md lists. */
    private static Map<String, String> unaddressedStatus(String sid, String status) {
        return Map.of("MessageSid", sid, "MessageStatus", status, "AccountSid", "AC" + "1".repeat(32));
    }

    /** A staff reply sent on sms through the simulator, with the provider id it was sent under. */
    private record Reply(String phone, String conversationId, String messageId, String sid) {
    }

    private Reply smsReply(String phone) {
        String conversationId = acme.post("/send", ApiTestBase.smsBody(phone, "status test", false)).text("/conversation_id");
        String messageId = staffReply(conversationId);
        String sid = await().atMost(Duration.ofSeconds(5)).until(() -> providerId(conversationId, messageId), id -> id != null);
        return new Reply(phone, conversationId, messageId, sid);
    }

    private String staffReply(String conversationId) {
        HttpApi.Response reply = acme.post("/conversations/" + conversationId + "/reply", "{\"content\":\"on the way\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.text("/message_id");
    }

    /** The conversation a WhatsApp message from {@code phone} to our number starts. */
    private String whatsAppConversation(String phone) {
        Map<String, String> form = new java.util.HashMap<>(inbound(phone, "Hola"));
        form.put("From", "whatsapp:" + phone);
        form.put("To", "whatsapp:" + OUR_NUMBER);
        postSignedTwilio("/webhooks/twilio/sms", form);
        return awaitConversation(phone).get("id").asString();
    }

    private String statusOf(Reply reply) {
        return message(reply.conversationId(), reply.messageId()).get("status").asString();
    }

    private JsonNode awaitConversation(String phone) {
        return await().atMost(Duration.ofSeconds(5)).until(() -> {
            JsonNode list = acme.get("/conversations?q=" + phone.substring(1)).json().get("conversations");
            return list.isEmpty() ? null : list.get(0);
        }, row -> row != null && row.get("message_count").asLong() > 0);
    }

    private JsonNode message(String conversationId, String messageId) {
        for (JsonNode message : acme.get("/conversations/" + conversationId).json().get("messages")) {
            if (message.get("id").asString().equals(messageId)) {
                return message;
            }
        }
        throw new AssertionError("no message " + messageId);
    }

    private String providerId(String conversationId, String messageId) {
        JsonNode id = message(conversationId, messageId).get("provider_message_id");
        return id.isNull() ? null : id.asString();
    }
}
