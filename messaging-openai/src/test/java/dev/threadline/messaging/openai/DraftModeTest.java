package dev.threadline.messaging.openai;

import static dev.threadline.messaging.openai.Fixtures.inbound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.AiMode;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.simulator.SimulatorChannel;
import dev.threadline.messaging.testkit.fakes.FakeChatCompletionsApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Draft mode with the OpenAI responder through a real MessageManager. */
class DraftModeTest {

    private FakeChatCompletionsApi server;
    private OpenAiResponder responder;
    private SimulatorChannel channel;
    private MessageManager manager;

    @BeforeEach
    void start() {
        server = new FakeChatCompletionsApi();
        responder = new OpenAiResponder(OpenAiTestSettings.pointingAt(server).build());
        channel = new SimulatorChannel(ChannelId.SMS);
        manager = MessageManager.builder().responder(responder).channel(channel).aiMode(AiMode.DRAFT).build();
    }

    @AfterEach
    void stop() {
        manager.close();
        channel.close();
        responder.close();
        server.close();
    }

    @Test
    void replyIsHeldAsADraftAndNotSent() {
        server.answer("We're open 9 to 5.");

        Message reply = manager.receive(inbound("When are you open?")).aiReply();
        manager.deliverDue();

        assertThat(reply.status()).isEqualTo(DeliveryStatus.DRAFT);
        assertThat(reply.body()).isEqualTo("We're open 9 to 5.");
        assertThat(channel.sent()).isEmpty();
    }

    @Test
    void approvedDraftIsSent() {
        server.answer("We're open 9 to 5.");
        Message draft = manager.receive(inbound("When are you open?")).aiReply();

        manager.approveDraft("tenant-1", draft.id(), null, "staff-1");
        manager.deliverDue();

        assertThat(channel.sent()).extracting(d -> d.message().body()).containsExactly("We're open 9 to 5.");
    }

    @Test
    void editedDraftIsSentWithTheStaffText() {
        server.answer("We're open 9 to 5.");
        Message draft = manager.receive(inbound("When are you open?")).aiReply();

        manager.approveDraft("tenant-1", draft.id(), "We're open 9 to 5, and till 8 on Thursdays.", "staff-1");
        manager.deliverDue();

        assertThat(channel.sent()).extracting(d -> d.message().body()).containsExactly("We're open 9 to 5, and till 8 on Thursdays.");
    }

    @Test
    void discardedDraftIsLeftOutOfTheNextRequest() {
        server.answer("We're closed forever.").answer("We're open 9 to 5.");
        Message draft = manager.receive(inbound("When are you open?")).aiReply();
        manager.discardDraft("tenant-1", draft.id(), "staff-1");

        manager.receive(inbound("Hello? Hours please"));

        assertThat(OpenAiResponderRequestTest.turns(server.request(1).json()))
                .containsExactly("system", "user: When are you open?", "user: Hello? Hours please");
    }
}
