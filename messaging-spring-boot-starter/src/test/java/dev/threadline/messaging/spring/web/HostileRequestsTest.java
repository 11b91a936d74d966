package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.spring.TestApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What arrives broken below the application (Tomcat's parameter parsing, its URL and header checks, the error
 * path) is answered like every other API error: JSON with a code, never a 500 and never an HTML page.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-hostile=hostile",
        "messaging.webhooks.verify-signatures=false"})
class HostileRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aQueryThatIsNotUtf8IsABadRequest() throws Exception {
        HttpResponse<String> response = get(ApiTestBase.BASE + "/conversations?q=%FF", "x", 0);

        assertError(response, 400, "malformed_request");
    }

    @Test
    void aFormOverTheServersFormLimitIsPayloadTooLarge() throws Exception {
        String form = "MessageSid=SM1&From=%2B15551234567&To=%2B15550000000&Body=" + "a".repeat(3 * 1024 * 1024);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/webhooks/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertError(response, 413, "payload_too_large");
    }

    @Test
    void aUrlTomcatCannotDecodeIsAJsonBadRequest() throws Exception {
        assertError(get(ApiTestBase.BASE + "/conversations/%FF%00", "x", 0), 400, "malformed_request");
    }

    @Test
    void headersOverTheServersLimitAreAJsonBadRequest() throws Exception {
        assertError(get(ApiTestBase.BASE + "/unread", "x", 20_000), 400, "malformed_request");
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
        assertError(get("/error", "x", 0), 404, "not_found");
    }

    @Test
    void apiAnswersTellBrowsersNotToSniffOrFrameThem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(ApiTestBase.BASE + "/unread"))
                .header("Authorization", "Bearer key-hostile").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    private HttpResponse<String> get(String path, String filler, int headerBytes) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer key-hostile").GET();
        if (headerBytes > 0) {
            request.header("X-Filler", filler.repeat(headerBytes));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.at("/error/code").asString()).isEqualTo(code);
    }
}
