package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendRouteTest extends ApiTestBase {

    @Test
    void sendStoresTheMessageAndAnswersWithTheAiReply() {
        HttpApi.Response response = acme.post("/send", smsBody(newPhone(), "I'd like to book a Botox appointment", true));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("/conversation_id")).isNotBlank();
        assertThat(response.text("/message_id")).isNotBlank();
        assertThat(response.text("/ai_response/content")).contains("Botox");
        assertThat(response.text("/ai_response/message_id")).isNotBlank();
    }

    @Test
    void sendWithoutAiResponseAnswersNull() {
        HttpApi.Response response = acme.post("/send", smsBody(newPhone(), "Hello there", false));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("ai_response").isNull()).isTrue();
    }

    @Test
    void sendNormalizesThePhoneToE164() {
        String conversationId = acme.post("/send", """
                {"channel":"sms","customer_name":"Ana","customer_phone":"(415) 555-0199","content":"hi","generate_ai_response":false}""")
                .text("/conversation_id");

        assertThat(acme.get("/conversations/" + conversationId).text("/conversation/customer/phone")).isEqualTo("+14155550199");
    }

    @Test
    void sendWithConversationIdJoinsThatConversationWithoutCustomerFields() {
        String conversationId = startConversation(acme, "first");

        HttpApi.Response response = acme.post("/send", """
                {"conversation_id":"%s","content":"second","generate_ai_response":false}""".formatted(conversationId));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("/conversation_id")).isEqualTo(conversationId);
        assertThat(acme.get("/conversations/" + conversationId).json().get("messages").size()).isEqualTo(2);
    }

    @Test
    void sendToTheSameCustomerJoinsTheActiveConversation() {
        String phone = newPhone();
        String first = acme.post("/send", smsBody(phone, "one", false)).text("/conversation_id");

        String second = acme.post("/send", smsBody(phone, "two", false)).text("/conversation_id");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void sendWithoutPhoneForSmsIsAValidationError() {
        HttpApi.Response response = acme.post("/send", """
                {"channel":"sms","customer_name":"Ana","content":"hi"}""");

        assertValidationError(response, "customer_phone");
    }

    @Test
    void anEmptyConversationIdIsAValidationErrorNotANotFound() {
        HttpApi.Response response = acme.post("/send", """
                {"conversation_id":"","content":"hi","generate_ai_response":false}""");

        assertValidationError(response, "conversation_id");
    }

    @Test
    void voiceIsRefusedBecauseNothingCouldEverSendTheReply() {
        HttpApi.Response response = acme.post("/send", """
                {"channel":"voice","customer_name":"Ana","customer_phone":"%s","content":"hi"}""".formatted(newPhone()));

        assertValidationError(response, "channel");
        assertThat(response.text("/error/message")).contains("transcripts");
    }

    @Test
    void sendEmailWithInvalidAddressIsAValidationError() {
        HttpApi.Response response = acme.post("/send", """
                {"channel":"email","customer_name":"Ana","customer_email":"not-an-address","content":"hi"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/error/field")).isEqualTo("customer_email");
    }

    @Test
    void sendOnAnUnknownChannelIsUnknownChannel() {
        HttpApi.Response response = acme.post("/send", """
                {"channel":"fax","customer_name":"Ana","customer_phone":"+14155550100","content":"hi"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("unknown_channel");
    }

    @Test
    void sendStopOptsTheCustomerOutSoRepliesAreRefused() {
        String phone = newPhone();
        String conversationId = acme.post("/send", smsBody(phone, "hello", false)).text("/conversation_id");
        acme.post("/send", smsBody(phone, "STOP", true));

        HttpApi.Response reply = acme.post("/conversations/" + conversationId + "/reply", "{\"content\":\"Are you there?\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo("recipient_opted_out");
    }

    @Test
    void aPlainWordsRequestToStopGetsNoAiReplyAndShowsWhyStaffShouldLook() {
        String phone = newPhone();
        acme.post("/send", smsBody(phone, "hello", false));

        HttpApi.Response request = acme.post("/send", smsBody(phone, "Please remove me from your list", true));
        String conversationId = request.text("/conversation_id");

        assertThat(request.status()).isEqualTo(201);
        assertThat(request.json().get("ai_response").isNull()).isTrue();
        assertThat(acme.get("/conversations/" + conversationId).text("/conversation/needs_staff")).isEqualTo("stop_request");
        assertThat(acme.get("/conversations?page_size=100").json().get("conversations").valueStream()
                .filter(c -> c.get("id").asString().equals(conversationId)).findFirst().orElseThrow()
                .get("needs_staff").asString()).isEqualTo("stop_request");
        assertThat(acme.post("/conversations/" + conversationId + "/reply", "{\"content\":\"Sorry!\"}").errorCode())
                .isEqualTo("recipient_opted_out");
    }

    @Test
    void textNoDatabaseCanStoreIsABadRequestNamingTheField() {
        HttpApi.Response send = acme.post("/send", smsBody(newPhone(), "hello\\u0000there", false));
        HttpApi.Response search = acme.get("/conversations?q=%00");

        assertThat(send.status()).isEqualTo(400);
        assertThat(send.errorCode()).isEqualTo("validation_failed");
        assertThat(send.text("/error/field")).isEqualTo("content");
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.text("/error/field")).isEqualTo("q");
    }
}
