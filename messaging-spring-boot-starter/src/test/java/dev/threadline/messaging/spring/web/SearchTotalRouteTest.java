package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.ConversationPage;
import dev.threadline.messaging.InboundMessage;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.spring.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A text search counts at most 1,000 matches and says so with {@code total_exact: false}; other lists say nothing. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "messaging.security.api-keys.key-search=search")
class SearchTotalRouteTest {

    @LocalServerPort
    int port;

    @Autowired
    MessageManager manager;

    @Test
    void aSearchWithMoreMatchesThanItCountsSaysItsTotalIsNotExact() {
        for (int i = 0; i <= ConversationPage.MAX_COUNTED_MATCHES; i++) {
            manager.receive(InboundMessage.builder("search", ChannelId.EMAIL).customerName("Guest " + i)
                    .customerEmail("guest" + i + "@example.com").subject("Peel " + i).body("Price of a peel?").generateAiReply(false).build());
        }
        HttpApi api = new HttpApi(port, "/api/admin/messaging", "key-search");

        JsonNode searched = api.get("/conversations?q=peel").json();
        JsonNode listed = api.get("/conversations").json();

        assertThat(searched.get("total").asLong()).isEqualTo(1_000);
        assertThat(searched.get("total_exact").asBoolean(true)).isFalse();
        assertThat(listed.get("total").asLong()).isEqualTo(1_001);
        assertThat(listed.has("total_exact")).as("exact totals say nothing").isFalse();
    }
}
