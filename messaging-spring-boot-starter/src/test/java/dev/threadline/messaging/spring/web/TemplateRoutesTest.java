package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /templates} and {@code /conversations/{id}/canned-reply}. */
class TemplateRoutesTest extends AutomationTestBase {

    @Test
    void putAnswersTheTemplateWithItsNameAndVariables() {
        String name = newName("reminder");

        HttpApi.Response response = acme.put("/templates/" + name, """
                {"kind":"message",
                 "variants":{"sms":{"body":"Hi {{customer.name}}, see you {{appointment.time}}"},
                             "email":{"subject":"Your visit on {{appointment.time}}","body":"Dear {{customer.name}}"}},
                 "fallback":null}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode template = response.json().get("template");
        assertThat(template.get("name").asString()).isEqualTo(name);
        assertThat(template.get("kind").asString()).isEqualTo("message");
        assertThat(template.at("/variants/sms/body").asString()).isEqualTo("Hi {{customer.name}}, see you {{appointment.time}}");
        assertThat(template.at("/variants/sms/subject").isNull()).isTrue();
        assertThat(template.at("/variants/email/subject").asString()).isEqualTo("Your visit on {{appointment.time}}");
        assertThat(template.get("fallback").isNull()).isTrue();
        assertThat(template.get("variables").valueStream().map(JsonNode::asString).toList())
                .as("by channel id: the email's subject comes first").containsExactly("appointment.time", "customer.name");
    }

    @Test
    void getAnswersTheStoredTemplate() {
        String name = smsTemplate(acme, "Thanks {{customer.name}}!");

        HttpApi.Response response = acme.get("/templates/" + name);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("/template/variants/sms/body")).isEqualTo("Thanks {{customer.name}}!");
    }

    @Test
    void listFiltersByKind() {
        String canned = newName("canned");
        acme.put("/templates/" + canned, "{\"kind\":\"canned_reply\",\"variants\":{\"sms\":{\"body\":\"See you soon\"}}}");
        String message = smsTemplate(acme, "Hello");

        JsonNode templates = acme.get("/templates?kind=canned_reply").json().get("templates");

        assertThat(templates.valueStream().map(t -> t.get("name").asString()).toList()).contains(canned).doesNotContain(message);
        templates.forEach(t -> assertThat(t.get("kind").asString()).isEqualTo("canned_reply"));
    }

    @Test
    void unknownKindIsAValidationError() {
        assertValidationError(acme.get("/templates?kind=promo"), "kind");
    }

    @Test
    void deleteRemovesTheTemplate() {
        String name = smsTemplate(acme, "Bye");

        assertThat(acme.delete("/templates/" + name).status()).isEqualTo(204);
        assertError(acme.get("/templates/" + name), 404, "not_found");
    }

    @Test
    void unknownTemplateIsNotFound() {
        assertError(acme.get("/templates/never-saved"), 404, "not_found");
        assertError(acme.delete("/templates/never-saved"), 404, "not_found");
    }

    @Test
    void badNameIsAValidationErrorOnName() {
        assertValidationError(acme.put("/templates/Not%20Valid", "{\"variants\":{\"sms\":{\"body\":\"hi\"}}}"), "name");
    }

    @Test
    void malformedPlaceholderNamesTheVariantBody() {
        assertValidationError(acme.put("/templates/" + newName("broken"), "{\"variants\":{\"sms\":{\"body\":\"Hi {{customer.name\"}}}"),
                "variants.sms.body");
    }

    @Test
    void wronglyTypedNestedMemberNamesItsPath() {
        assertValidationError(acme.put("/templates/" + newName("typed"), "{\"variants\":{\"sms\":{\"body\":42}}}"), "variants.sms.body");
    }

    @Test
    void emailVariantWithoutSubjectIsAValidationError() {
        assertValidationError(acme.put("/templates/" + newName("mail"), "{\"variants\":{\"email\":{\"body\":\"Dear you\"}}}"),
                "variants.email.subject");
    }

    @Test
    void variantForAnUnknownChannelIsUnknownChannel() {
        HttpApi.Response response = acme.put("/templates/" + newName("fax"), "{\"variants\":{\"fax\":{\"body\":\"hi\"}}}");

        assertError(response, 400, "unknown_channel");
        assertThat(response.text("/error/field")).isEqualTo("variants.fax");
    }

    @Test
    void previewRendersTheChannelsVariant() {
        String name = smsTemplate(acme, "Hi {{customer.name}}, {{offer}} off");

        HttpApi.Response response = acme.post("/templates/" + name + "/preview",
                "{\"channel\":\"sms\",\"variables\":{\"customer\":{\"name\":\"Ana\"},\"offer\":20}}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.text("/body")).isEqualTo("Hi Ana, 20 off");
        assertThat(response.json().get("subject").isNull()).isTrue();
    }

    @Test
    void previewWithAMissingVariableNamesItsPath() {
        String name = smsTemplate(acme, "See you {{appointment.time}}");

        assertValidationError(acme.post("/templates/" + name + "/preview", "{\"channel\":\"sms\",\"variables\":{}}"),
                "variables.appointment.time");
    }

    @Test
    void cannedReplyIsQueuedInTheConversationWithItsCustomersName() {
        String conversationId = startConversation(acme, "Can I come Tuesday?");
        String name = smsTemplate(acme, "Thanks {{customer.name}}, {{slot}} works");

        HttpApi.Response response = acme.post("/conversations/" + conversationId + "/canned-reply",
                "{\"template\":\"" + name + "\",\"variables\":{\"slot\":\"Tue 3 PM\"}}");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.text("/status")).isEqualTo("queued");
        JsonNode messages = acme.get("/conversations/" + conversationId).json().get("messages");
        assertThat(messages.valueStream().map(m -> m.get("content").asString()))
                .contains("Thanks Test Customer, Tue 3 PM works");
    }

    @Test
    void cannedReplyWithAMissingVariableSendsNothing() {
        String conversationId = startConversation(acme, "Hello?");
        String name = smsTemplate(acme, "Your slot: {{slot}}");

        assertValidationError(acme.post("/conversations/" + conversationId + "/canned-reply", "{\"template\":\"" + name + "\"}"),
                "variables.slot");
        assertThat(acme.get("/conversations/" + conversationId).json().get("messages").size()).isEqualTo(1);
    }

    @Test
    void cannedReplyWithoutTemplateIsAValidationError() {
        String conversationId = startConversation(acme, "Hello?");

        assertValidationError(acme.post("/conversations/" + conversationId + "/canned-reply", "{}"), "template");
    }
}
