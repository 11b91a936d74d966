package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The error rows of the contract that the shared app can produce; each answers the error body. */
class ErrorRowsTest extends ApiTestBase {

    @Test
    void missingKeyIsUnauthorized() {
        HttpApi.Response response = acme.as(null).get("/conversations");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("unauthorized");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void wrongKeyIsUnauthorized() {
        assertThat(acme.as("key-acme-but-longer").get("/unread").status()).isEqualTo(401);
    }

    @Test
    void nonBearerAuthorizationIsUnauthorized() {
        HttpApi.Response response = acme.as(null).send(acme.as(null).request("/unread").header("Authorization", "Basic a2V5LWFjbWU6"));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void malformedJsonIsMalformedRequest() {
        HttpApi.Response response = acme.post("/send", "{\"channel\":\"sms\",");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_request");
        assertThat(response.json().get("error").has("field")).isTrue();
    }

    @Test
    void missingBodyIsMalformedRequest() {
        HttpApi.Response response = acme.postEmpty("/send");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_request");
    }

    @Test
    void nonObjectBodyIsMalformedRequest() {
        assertThat(acme.post("/send", "[1,2]").errorCode()).isEqualTo("malformed_request");
    }

    @Test
    void invalidUtf8IsMalformedRequest() {
        byte[] body = "{\"channel\":\"sms\",\"content\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        HttpApi.Response response = acme.postBytes("/send", "application/json", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_request");
    }

    @Test
    void wrongFieldTypeNamesTheField() {
        HttpApi.Response response = acme.post("/send", """
                {"channel":"sms","customer_name":"Ana","customer_phone":"+14155550100","content":42}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("validation_failed");
        assertThat(response.text("/error/field")).isEqualTo("content");
    }

    @Test
    void missingContentNamesTheField() {
        HttpApi.Response response = acme.post("/send", """
                {"channel":"sms","customer_name":"Ana","customer_phone":"+14155550100"}""");

        assertThat(response.text("/error/field")).isEqualTo("content");
    }

    @Test
    void unknownFieldsAreIgnored() {
        HttpApi.Response response = acme.post("/send", """
                {"channel":"sms","customer_name":"Ana","customer_phone":"%s","content":"hi","generate_ai_response":false,"colour":"blue"}"""
                .formatted(newPhone()));

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void unknownConversationIsNotFound() {
        HttpApi.Response response = acme.get("/conversations/does-not-exist");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void unknownRouteUnderTheBasePathIsNotFoundInTheApiFormat() {
        HttpApi.Response response = acme.get("/no-such-route");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        HttpApi.Response response = acme.method("PUT", "/send");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo("method_not_allowed");
        assertThat(response.header("Allow")).contains("POST");
    }

    @Test
    void formBodyOnAJsonRouteIsUnsupportedMediaType() {
        HttpApi.Response response = acme.postBytes("/send", "application/x-www-form-urlencoded",
                "channel=sms&content=hi".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() {
        HttpApi.Response response = acme.post("/send", "{\"content\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("payload_too_large");
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
        byte[] body = ("{\"content\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpApi.Response response = acme.send(acme.request("/send").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorCode()).isEqualTo("payload_too_large");
    }
}
