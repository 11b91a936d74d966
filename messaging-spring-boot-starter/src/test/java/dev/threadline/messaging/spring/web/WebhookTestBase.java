package dev.threadline.messaging.spring.web;

import dev.threadline.messaging.spring.TestApplication;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import dev.threadline.messaging.testkit.WebhookSigner;

/**
 * An app that receives provider webhooks: Twilio's auth token and public URL, SendGrid's Event Webhook key and
 * Inbound Parse token, our number and address mapped to tenant {@code acme} (AI mode off), another number to
 * tenant {@code replying} (AI mode auto), inbound mail attachments stored in {@link #ATTACHMENTS}. No provider
 * REST credentials, so sms and email replies go through the simulators, which here never report delivery on their
 * own; whatsapp replies go through a channel whose sends the test holds and releases. Our number is also Twilio's
 * default sending number.
 */
@SpringBootTest(classes = {TestApplication.class, WebhookTestBase.HeldSends.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-acme=acme",
        "messaging.security.api-keys.key-other=other",
        "messaging.twilio.auth-token=" + WebhookTestBase.AUTH_TOKEN,
        "messaging.twilio.public-base-url=" + WebhookTestBase.PUBLIC_URL,
        "messaging.twilio.from-number=" + WebhookTestBase.OUR_NUMBER,
        "messaging.sendgrid.inbound-token=" + WebhookTestBase.INBOUND_TOKEN,
        "messaging.tenants.acme.addresses=" + WebhookTestBase.OUR_NUMBER + "," + WebhookTestBase.OUR_EMAIL,
        "messaging.security.api-keys.key-replying=replying",
        "messaging.tenants.replying.addresses=" + WebhookTestBase.REPLYING_NUMBER,
        "messaging.tenants.replying.ai.mode=auto",
        "messaging.simulator.delivery-delay=1h",
        "messaging.webhooks.max-body-size=100KB",
        "messaging.ai.mode=off"})
abstract class WebhookTestBase {

    static final String AUTH_TOKEN = "twilio-test-auth-token";
    static final String PUBLIC_URL = "https://hooks.example.com";
    static final String INBOUND_TOKEN = "inbound-secret";
    static final String OUR_NUMBER = "+14155550001";
    static final String OUR_EMAIL = "support@acme.example";
    /** A number of tenant {@code replying}, whose AI mode is {@code auto}. */
    static final String REPLYING_NUMBER = "+14155550009";
    static final WebhookSigner SIGNER = WebhookSigner.withNewSendGridKey();

    @TestConfiguration(proxyBeanMethods = false)
    static class HeldSends {
        @Bean
        HeldWhatsAppChannel heldWhatsAppChannel() {
            return new HeldWhatsAppChannel();
        }
    }

    /** Where the local attachment store keeps inbound mail attachments, under the build directory. */
    static final Path ATTACHMENTS = Path.of("target", "webhook-attachments").toAbsolutePath();

    @DynamicPropertySource
    static void sendGridKey(DynamicPropertyRegistry registry) {
        registry.add("messaging.sendgrid.webhook-public-key", () -> SIGNER.sendGridPublicKeyBase64());
        registry.add("messaging.sendgrid.attachments.directory", ATTACHMENTS::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    HeldWhatsAppChannel whatsApp;

    HttpApi acme;
    HttpApi webhooks;

    @BeforeEach
    void clients() {
        acme = new HttpApi(port, ApiTestBase.BASE, "key-acme");
        webhooks = new HttpApi(port, "", null);
    }

    /** Posts a form to a Twilio route, signed for the public URL unless {@code signature} is given. */
    HttpApi.Response postTwilio(String path, Map<String, String> form, String signature) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = webhooks.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return webhooks.send(request);
    }

    HttpApi.Response postSignedTwilio(String path, Map<String, String> form) {
        return postTwilio(path, form, WebhookSigner.twilio(AUTH_TOKEN, PUBLIC_URL + path, form));
    }
}
