package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.MessageManager;
import dev.threadline.messaging.OutboundMessage;
import dev.threadline.messaging.ReceiveResult;
import dev.threadline.messaging.testkit.fakes.FakeSendGridApi;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Inbound Parse posts threaded by a real manager, replying to mail that went out through {@link SendGridChannel}. */
class InboundThreadingTest {

    private static final String TENANT = "acme";

    @AutoClose
    private final FakeSendGridApi sendGrid = new FakeSendGridApi();
    @AutoClose
    private final SendGridChannel channel = new SendGridChannel(SendGridSettings.builder("SG.test-key", "hello@acme.test")
            .replyTo(InboundPosts.OUR_PARSE_ADDRESS).apiBaseUrl(sendGrid.baseUrl()).build());
    @AutoClose
    private final MessageManager manager = MessageManager.builder().channel(channel).build();
    private final SendGridInboundParser parser = new SendGridInboundParser();

    @Test
    void customersReplyToOurMailJoinsItsConversation() {
        Message ours = manager.send(OutboundMessage.builder(TENANT, ChannelId.EMAIL).customerName("Ana Lima")
                .customerEmail("ana.lima@gmail.com").ourAddress("hello@acme.test").subject("Your booking")
                .body("We have openings on Thursday. Which time suits you?").build());
        manager.deliverDue();
        String messageIdOnTheWire = sendGrid.onlyRequest().json().at("/headers/Message-ID").asText();

        // A different subject and our parse address as recipient: only the headers can thread this reply.
        ReceiveResult reply = receive(InboundPosts.gmailReply("<CAF=reply1@mail.gmail.com>", messageIdOnTheWire, "Thursday?"));

        assertThat(reply.conversation().id()).isEqualTo(ours.conversationId());
    }

    @Test
    void replyWithoutThreadingHeadersJoinsBySenderAndSubject() {
        ReceiveResult first = receive(InboundPosts.outlookNewMail("<first@contoso.example>", "Booking question", "Do you open on Saturdays?"));

        ReceiveResult second = receive(InboundPosts.outlookReply("<second@contoso.example>", "RE: Booking question"));

        assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
    }

    @Test
    void newSubjectWithoutThreadingHeadersStartsAnotherConversation() {
        ReceiveResult first = receive(InboundPosts.outlookNewMail("<first@contoso.example>", "Booking question", "Do you open on Saturdays?"));

        ReceiveResult other = receive(InboundPosts.outlookNewMail("<other@contoso.example>", "Invoice", "Could you resend my invoice?"));

        assertThat(other.conversation().id()).isNotEqualTo(first.conversation().id());
    }

    @Test
    void storedReplyKeepsOnlyTheCustomersNewText() {
        ReceiveResult reply = receive(InboundPosts.outlookReply("<second@contoso.example>", "RE: Your booking"));

        assertThat(manager.getMessage(TENANT, reply.message().id()).body()).isEqualTo("Thanks, see you then.\n\nBen");
    }

    @Test
    void mailPostedAgainIsStoredOnce() {
        receive(InboundPosts.outlookNewMail("<first@contoso.example>", "Booking question", "Do you open on Saturdays?"));

        ReceiveResult again = receive(InboundPosts.outlookNewMail("<first@contoso.example>", "Booking question", "Do you open on Saturdays?"));

        assertThat(again.duplicate()).isTrue();
    }

    private ReceiveResult receive(java.util.Map<String, String> fields) {
        return manager.receive(parser.parse(TENANT, fields));
    }
}
