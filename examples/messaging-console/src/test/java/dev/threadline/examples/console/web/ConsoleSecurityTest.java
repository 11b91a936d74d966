package dev.threadline.examples.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.threadline.examples.console.ConsoleProperties;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's login over plain HTTP: the page needs a session, scripts may use HTTP Basic or the API key, a
 * session's writes need its CSRF token, and the first owner from configuration can sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:file:./target/security-data/${random.uuid}/threadline")
class ConsoleSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "tl-demo-glow-7c41e9";

    @LocalServerPort
    int port;
    @Autowired
    ConsoleProperties properties;

    private final HttpClient browserLike = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thePageAndItsSettingsNeedASignIn() throws Exception {
        // A browser asks for HTML and is sent to the form; a script without credentials gets a plain 401.
        HttpResponse<String> page = send(browserLike, to("/").header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(send(browserLike, to("/console/settings").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void scriptsUseHttpBasicWithAStaffUsersPasswordOrTheKey() throws Exception {
        ConsoleProperties.Owner owner = properties.owner();
        HttpResponse<String> me = send(HttpClient.newHttpClient(), to("/api/admin/messaging/me")
                .header("Authorization", basic(owner.email(), owner.password())).GET());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).at("/role").asText()).isEqualTo("owner");
        assertThat(JSON.readTree(me.body()).at("/user/email").asText()).isEqualTo(owner.email());

        HttpResponse<String> wrong = send(HttpClient.newHttpClient(), to("/api/admin/messaging/me")
                .header("Authorization", basic(owner.email(), "not-the-password")).GET());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).at("/error/code").asText()).as("the API's error body").isEqualTo("unauthorized");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));

        HttpResponse<String> created = send(HttpClient.newHttpClient(), to("/api/admin/messaging/users")
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"pia@glow-med-spa.example\",\"name\":\"Pia\",\"role\":\"viewer\","
                        + "\"password\":\"pia-password-1234\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("pia-password-1234");
        HttpResponse<String> pia = send(HttpClient.newHttpClient(), to("/api/admin/messaging/me")
                .header("Authorization", basic("Pia@Glow-Med-Spa.example", "pia-password-1234")).GET());
        assertThat(JSON.readTree(pia.body()).at("/role").asText()).isEqualTo("viewer");

        HttpResponse<String> tooShort = send(HttpClient.newHttpClient(), to("/api/admin/messaging/users")
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"short@glow-med-spa.example\",\"name\":\"S\",\"role\":\"agent\","
                        + "\"password\":\"short\"}")));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(tooShort.body()).at("/error/field").asText()).isEqualTo("password");
    }

    @Test
    void aSignedInSessionWritesOnlyWithItsCsrfToken() throws Exception {
        ConsoleProperties.Owner owner = properties.owner();
        String loginPage = send(browserLike, to("/login").GET()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> signedIn = send(browserLike, to("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(owner.email(), StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(owner.password(), StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        JsonNode settings = JSON.readTree(send(browserLike, to("/console/settings").GET()).body());
        String body = "{\"channel\":\"sms\",\"customer_name\":\"Session Test\",\"customer_phone\":\"+14155550142\","
                + "\"content\":\"Hello\",\"generate_ai_response\":false}";
        HttpResponse<String> withoutToken = send(browserLike, to("/api/admin/messaging/send").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> withToken = send(browserLike, to("/api/admin/messaging/send").header("Content-Type", "application/json")
                .header(settings.get("csrf_header").asText(), settings.get("csrf_token").asText())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        assertThat(send(browserLike, to("/api/admin/messaging/me").GET()).body()).contains("\"role\":\"owner\"");
    }
}
