package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationQuery;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.TestApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/public/messaging/{tenant}/contact}: a marketplace's "message the seller" form. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "messaging.security.api-keys.key-market=market",
        "messaging.public.rate-limit=1000",
        "messaging.simulator.delivery-delay=10ms"})
class PublicContactRouteTest {

    private static int sent;

    @LocalServerPort
    int port;

    @Autowired
    MessageManager manager;

    private HttpApi form;
    private HttpApi admin;

    @BeforeEach
    void clients() {
        form = new HttpApi(port, "/api/public/messaging", null);
        admin = new HttpApi(port, "/api/admin/messaging", "key-market");
    }

    private static String buyer() {
        return "buyer" + (++sent) + "@example.com";
    }

    private HttpApi.Response post(String formBody) {
        return form.postBytes("/market/contact", "application/x-www-form-urlencoded", formBody.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode onlyConversation(String query) {
        JsonNode list = admin.get("/conversations?" + query).json().get("conversations");
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @Test
    void aPostOpensAnEmailConversationAboutItsListingAndRevealsNoIds() {
        String email = buyer();
        HttpApi.Response response = post("name=Ana+Lima&email=" + email + "&content=Is+the+bike+still+for+sale%3F"
                + "&context_type=listing&context_id=L-77&context_title=Red+road+bike&context_url=https%3A%2F%2Fmarket.example%2Fl%2F77");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("received");
        assertThat(response.json().size()).as("no ids in the answer").isEqualTo(1);
        JsonNode conversation = onlyConversation("context_type=listing&context_id=L-77&q=" + email);
        assertThat(conversation.get("channel").asString()).isEqualTo("email");
        assertThat(conversation.get("customer_name").asString()).isEqualTo("Ana Lima");
        assertThat(conversation.get("subject").asString()).isEqualTo("Red road bike");
        assertThat(conversation.get("context").get("url").asString()).isEqualTo("https://market.example/l/77");
        assertThat(conversation.get("inbox_id").asString()).isEqualTo("default");
    }

    @Test
    void jsonPostsWorkToo() {
        String email = buyer();
        HttpApi.Response response = form.post("/market/contact",
                "{\"email\":\"%s\",\"content\":\"Do you ship?\",\"subject\":\"Shipping\"}".formatted(email));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(onlyConversation("q=" + email).get("subject").asString()).isEqualTo("Shipping");
    }

    @Test
    void theStaffReplyReachesTheCustomerByEmailAndTheirAnswerComesBackToTheSameConversation() {
        String email = buyer();
        post("email=" + email + "&content=Can+you+hold+it+for+me%3F&context_type=listing&context_id=L-78");
        String id = onlyConversation("q=" + email).get("id").asString();

        HttpApi.Response reply = admin.post("/conversations/" + id + "/reply", "{\"content\":\"Sure, until Friday.\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        Message sentReply = manager.getMessage("market", reply.text("/message_id"));
        assertThat(sentReply.channel()).isEqualTo(ChannelId.EMAIL);
        await().atMost(Duration.ofSeconds(10)).until(() -> manager.getMessage("market", sentReply.id()).status() == DeliveryStatus.DELIVERED);

        Message answer = manager.receive(InboundMessage.builder("market", ChannelId.EMAIL).customerEmail(email)
                .subject("Re: something else").body("Thanks!").references(List.of(sentReply.threadRef()))
                .providerMessageId("<answer-" + sent + "@example.com>").build()).message();
        assertThat(answer.conversationId()).isEqualTo(id);
    }

    @Test
    void aFilledHoneypotIsAnsweredAlikeAndStoredAsSpam() {
        String email = buyer();
        HttpApi.Response response = post("email=" + email + "&content=Cheap+followers&website=http%3A%2F%2Fspam.example");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("status").asString()).isEqualTo("received");
        assertThat(admin.get("/conversations?q=" + email).json().get("conversations")).isEmpty();
        assertThat(onlyConversation("spam=true&q=" + email).get("status").asString()).isEqualTo("spam");
        assertThat(manager.listConversations("market", ConversationQuery.all().withStatus(ConversationStatus.SPAM).withText(email))
                .conversations().get(0).messageCount()).as("stored, and nothing answered it").isEqualTo(1);
    }

    @Test
    void badPostsAreRefusedWithTheFieldAtFault() {
        ApiTestBase.assertValidationError(post("content=hello"), "email");
        ApiTestBase.assertValidationError(post("email=not-an-address&content=hello"), "email");
        ApiTestBase.assertValidationError(post("email=" + buyer() + "&content=hello&phone=12"), "phone");
        ApiTestBase.assertValidationError(post("email=" + buyer()), "content");
        ApiTestBase.assertValidationError(post("email=" + buyer() + "&content=x&context_type=listing&context_id=L-1&context_url=ftp%3A%2F%2Fx"),
                "context_url");
        ApiTestBase.assertValidationError(post("email=" + buyer() + "&content=x&context_id=L-1"), "context_type");
    }

    @Test
    void anUnknownTenantIsNotFoundAndABigBodyIsTooLarge() {
        HttpApi.Response unknown = form.postBytes("/nobody/contact", "application/x-www-form-urlencoded",
                ("email=" + buyer() + "&content=hi").getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");

        HttpApi.Response big = post("email=" + buyer() + "&content=" + "x".repeat(40_000));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.errorCode()).isEqualTo("payload_too_large");
    }
}
