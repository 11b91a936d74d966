package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.offline.KnowledgeBase;
import dev.threadline.messaging.offline.KnowledgeBaseResponder;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.spi.ConversationPage;
import dev.threadline.messaging.spi.ConversationQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the README's quickstart, and checks the README shows exactly this code. */
class QuickstartTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/threadline/messaging/QuickstartTest.java");
    private static final Path README = Path.of("../README.md");

    private final KnowledgeBase knowledgeBase = new KnowledgeBase("Glow Med Spa", List.of("Mon–Fri 9–6", "Sat 10–4"),
            List.of(new KnowledgeBase.Service("Botox", "$12 per unit", "30 minutes", "Smooths fine lines.", List.of())),
            List.of("Dr. Rivera"), List.of());

    private void quickstart(PrintStream out) {
        // tag::quickstart[]
        MessageManager messaging = MessageManager.builder()
                .channel(new SimulatorChannel(ChannelId.SMS))          // or TwilioChannel.sms(settings)
                .responder(new KnowledgeBaseResponder(knowledgeBase))  // or new OpenAiResponder(settings)
                .build();

        ReceiveResult received = messaging.receive(InboundMessage.builder("glow-spa", ChannelId.SMS)
                .customerName("Ana").customerPhone("+15551234567")
                .body("Hi! How much is Botox?").build());
        out.println(received.aiReply().body());  // Botox is $12 per unit and takes about 30 minutes. …
        messaging.deliverDue();                  // or startDelivery(2) for background workers

        ConversationPage page = messaging.listConversations("glow-spa", ConversationQuery.all());
        page.conversations().forEach(c -> out.println(c.headline() + ": " + c.unreadCount() + " unread"));
        // end::quickstart[]
        messaging.close();
    }

    @Test
    void quickstartReceivesAnSmsRepliesAndListsTheConversation() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        quickstart(new PrintStream(captured, true, StandardCharsets.UTF_8));

        assertThat(captured.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "Botox is $12 per unit and takes about 30 minutes. Smooths fine lines. Would you like me to check availability?",
                "Asks: How much is Botox?: 1 unread");
    }

    @Test
    void readmeShowsTheQuickstartAsTested() throws IOException {
        String source = Files.readString(SOURCE);
        String snippet = source.substring(source.indexOf("// tag::quickstart[]") + "// tag::quickstart[]".length(),
                source.indexOf("        // end::quickstart[]"));
        String unindented = snippet.strip().lines().map(line -> line.startsWith("        ") ? line.substring(8) : line)
                .reduce((a, b) -> a + "\n" + b).orElseThrow().replace("out.println", "System.out.println");

        assertThat(Files.readString(README)).contains(unindented);
    }
}
