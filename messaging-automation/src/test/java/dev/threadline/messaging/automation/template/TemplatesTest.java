package dev.threadline.messaging.automation.template;

import static dev.threadline.messaging.automation.AutomationFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.automation.AutomationFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final AutomationFixture fx = new AutomationFixture();
    private final Templates templates = fx.automation.templates();

    @AfterEach
    void close() {
        fx.close();
    }

    private static MessageTemplate reminder() {
        return MessageTemplate.builder(TENANT, "reminder")
                .sms("Hi {{customer.name}}, see you {{appointment.time}}")
                .email("Your visit on {{appointment.time}}", "Dear {{customer.name}}, we look forward to {{appointment.time}}.")
                .build();
    }

    @Test
    void emailVariantHasSubjectAndSmsVariantOnlyBody() {
        templates.save(reminder());
        Map<String, Object> vars = Map.of("customer", Map.of("name", "Ana"), "appointment", Map.of("time", "Tue 3 PM"));

        RenderedMessage email = templates.render(TENANT, "reminder", ChannelId.EMAIL, vars);
        RenderedMessage sms = templates.render(TENANT, "reminder", ChannelId.SMS, vars);

        assertThat(email).isEqualTo(new RenderedMessage("Your visit on Tue 3 PM", "Dear Ana, we look forward to Tue 3 PM."));
        assertThat(sms).isEqualTo(new RenderedMessage(null, "Hi Ana, see you Tue 3 PM"));
    }

    @Test
    void variablesAreListedByChannelThenFallbackInOrderOfFirstUse() {
        MessageTemplate template = MessageTemplate.builder(TENANT, "every-channel")
                .variant(ChannelId.WHATSAPP, "{{d}} {{a}}")
                .sms("{{c}}")
                .variant(ChannelId.VOICE, "{{b}} {{c}}")
                .email("{{e}}", "{{a}}")
                .variant(ChannelId.CHAT, "{{f}}")
                .fallback(null, "{{g}}")
                .build();

        // chat, email (subject first), sms, voice, whatsapp, fallback: the same list on every run
        assertThat(template.variables()).containsExactly("f", "e", "a", "c", "b", "d", "g");
    }

    @Test
    void channelWithoutVariantOrFallbackIsAValidationError() {
        templates.save(MessageTemplate.builder(TENANT, "sms-only").sms("Hi").build());

        assertThatThrownBy(() -> templates.render(TENANT, "sms-only", ChannelId.WHATSAPP, Map.of()))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("channel"));
    }

    @Test
    void fallbackServesChannelsWithoutTheirOwnVariant() {
        templates.save(MessageTemplate.builder(TENANT, "hello").sms("short").fallback(null, "long {{x}}").build());

        assertThat(templates.render(TENANT, "hello", ChannelId.WHATSAPP, Map.of("x", 1)).body()).isEqualTo("long 1");
    }

    @Test
    void unknownTemplateIsNotFound() {
        assertThatThrownBy(() -> templates.get(TENANT, "nope"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class,
                        e -> assertThat(e.code().wireName()).isEqualTo("not_found"));
    }

    @Test
    void templateNameMustBeLowerCaseSlug() {
        assertThatThrownBy(() -> MessageTemplate.builder(TENANT, "Bad Name").sms("x"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void cannedReplyIsSentAsStaffReplyWithTheCustomerNameFilledIn() {
        templates.save(MessageTemplate.builder(TENANT, "thanks").cannedReply().sms("Thanks {{customer.name}}, {{slot}} works!").build());
        String conversationId = fx.customerSms("Ana", "+15551234567", "Can I come Tuesday?").conversation().id();

        Message reply = templates.reply(TENANT, conversationId, "thanks", Map.of("slot", "Tuesday 3 PM"), "dana");
        fx.deliverDue();

        assertThat(reply.author()).isEqualTo(Author.STAFF);
        assertThat(fx.sms.sent()).singleElement().satisfies(d -> assertThat(d.message().body()).isEqualTo("Thanks Ana, Tuesday 3 PM works!"));
    }

    @Test
    void cannedReplyWithMissingVariableSendsNothing() {
        templates.save(MessageTemplate.builder(TENANT, "thanks").cannedReply().sms("Thanks {{customer.name}}, {{slot}} works!").build());
        String conversationId = fx.customerSms("Ana", "+15551234567", "Can I come Tuesday?").conversation().id();

        assertThatThrownBy(() -> templates.reply(TENANT, conversationId, "thanks", Map.of(), "dana"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("variables.slot"));
        assertThat(fx.manager.getConversation(TENANT, conversationId).messages()).hasSize(1);
    }

    @Test
    void cannedRepliesListsOnlyCannedOnes() {
        templates.save(reminder());
        templates.save(MessageTemplate.builder(TENANT, "thanks").cannedReply().sms("Thanks!").build());

        assertThat(templates.cannedReplies(TENANT)).extracting(MessageTemplate::name).containsExactly("thanks");
    }

    @Test
    void templatesOfOneTenantAreInvisibleToAnother() {
        templates.save(reminder());

        assertThat(templates.list("other-tenant")).isEmpty();
    }
}
