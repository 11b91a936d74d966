package dev.threadline.messaging.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.ConversationStatus;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.spi.AiRequest;
import dev.threadline.messaging.spi.AiTool;
import dev.threadline.messaging.spi.ToolRunner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnowledgeBaseResponderTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final ToolRunner SLOTS = (id, tool, args) -> new ToolRunner.ToolResult(id, tool, "Fri 10:00, Fri 14:30", false);
    private static final AiTool AVAILABILITY = new AiTool(KnowledgeBaseResponder.AVAILABILITY_TOOL, "Open slots", "{}", false,
            invocation -> "Fri 10:00");

    private static final KnowledgeBase GLOW = KnowledgeBase.builder("Glow Med Spa").tenant("glow")
            .hours("Mon-Fri 9am-6pm")
            .service(KnowledgeBase.Service.builder("Dermal fillers").price("from $650").duration("45 minutes")
                    .description("Smooths lines").aliases("filler").build())
            .provider("Dr. Lee")
            .faq("Where are you?", "We're at 245 Market Street.", "where")
            .build();

    @Test
    void aServiceReadsAsSentencesWhateverItsPriceSays() {
        String reply = answer(new KnowledgeBaseResponder(GLOW), "glow", "Tell me about fillers", List.of());

        assertThat(reply).startsWith("Dermal fillers: from $650, about 45 minutes. Smooths lines. ")
                .doesNotContain(" is from ").doesNotContain("lines Would");
    }

    @Test
    void availabilityIsOfferedOnlyWhenThereIsAToolToCheckIt() {
        KnowledgeBaseResponder responder = new KnowledgeBaseResponder(GLOW);

        assertThat(answer(responder, "glow", "Tell me about fillers", List.of(AVAILABILITY))).endsWith("Would you like me to check availability?");
        assertThat(answer(responder, "glow", "Tell me about fillers", List.of())).doesNotContain("check availability")
                .endsWith("a team member will confirm.");
    }

    @Test
    void eachTenantIsAnsweredFromItsOwnBusinessAndAnUnknownTenantByNone() {
        KnowledgeBase other = KnowledgeBase.builder("Harbor Dental").tenant("harbor").hours("Sat 8am-1pm").build();
        KnowledgeBaseResponder responder = new KnowledgeBaseResponder(List.of(GLOW, other));

        assertThat(answerByEmail(responder, "glow", "What are your hours?")).contains("Mon-Fri 9am-6pm").endsWith("Glow Med Spa");
        assertThat(answerByEmail(responder, "harbor", "What are your hours?")).contains("Sat 8am-1pm").endsWith("Harbor Dental")
                .doesNotContain("Glow");
        assertThat(answerByEmail(responder, "someone-else", "What are your hours?"))
                .isEqualTo("Thanks for your message! A team member will follow up with you shortly.");
    }

    @Test
    void aKnowledgeBaseWithoutATenantAnswersEveryTenantWithoutOneOfItsOwn() {
        KnowledgeBase shared = KnowledgeBase.builder("Any Spa").hours("Daily 10am-4pm").build();
        KnowledgeBaseResponder responder = new KnowledgeBaseResponder(List.of(GLOW, shared));

        assertThat(answer(responder, "newcomer", "What are your hours?", List.of())).contains("Daily 10am-4pm");
        assertThat(answer(responder, "glow", "What are your hours?", List.of())).contains("Mon-Fri 9am-6pm");
    }

    @Test
    void twoKnowledgeBasesForOneTenantAreRefused() {
        assertThatThrownBy(() -> new KnowledgeBaseResponder(List.of(GLOW, KnowledgeBase.builder("Copy").tenant("glow").build())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("glow");
    }

    @Test
    void aServiceWithoutAPriceNamesTheMissingStep() {
        assertThatThrownBy(() -> KnowledgeBase.Service.builder("Botox").duration("30 minutes").description("x").build())
                .isInstanceOf(NullPointerException.class).hasMessage("price");
    }

    private static String answer(KnowledgeBaseResponder responder, String tenant, String text, List<AiTool> tools) {
        return responder.respond(new AiRequest(conversation(tenant, ChannelId.SMS), List.of(inbound(tenant, text)), List.of(), tools, SLOTS))
                .content();
    }

    private static String answerByEmail(KnowledgeBaseResponder responder, String tenant, String text) {
        return responder.respond(new AiRequest(conversation(tenant, ChannelId.EMAIL), List.of(inbound(tenant, text)), List.of(), List.of(), SLOTS))
                .content();
    }

    private static Conversation conversation(String tenant, ChannelId channel) {
        return new Conversation("c1", tenant, channel, "k1", "Ana Ruiz", "+15551234567", null, null, "key",
                ConversationStatus.ACTIVE, null, null, NOW, NOW, 0, 0, null, null, "default", null, null, null, Map.of(), 0);
    }

    private static Message inbound(String tenant, String body) {
        return new Message("m1", tenant, "c1", ChannelId.SMS, Direction.INBOUND, Author.CUSTOMER, body, null,
                List.of(), null, null, DeliveryStatus.RECEIVED, NOW, NOW, null, null, Map.of());
    }
}
