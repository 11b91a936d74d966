package dev.threadline.messaging.automation.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTextTest {

    @Test
    void rendersDottedPathsThroughNestedMaps() {
        TemplateText text = TemplateText.parse("Hi {{customer.name}}, see you {{ appointment.time }}.", "body");

        String rendered = text.render(Map.of("customer", Map.of("name", "Ana"), "appointment", Map.of("time", "Tue 3 PM")));

        assertThat(rendered).isEqualTo("Hi Ana, see you Tue 3 PM.");
    }

    @Test
    void flatDottedKeyIsFoundToo() {
        TemplateText text = TemplateText.parse("Hi {{customer.name}}", "body");

        assertThat(text.render(Map.of("customer.name", "Ana"))).isEqualTo("Hi Ana");
    }

    @Test
    void missingVariableFailsWithItsPathAsField() {
        TemplateText text = TemplateText.parse("Hi {{customer.name}}, see you {{appointment.time}}", "body");

        assertThatThrownBy(() -> text.render(Map.of("customer", Map.of("name", "Ana"))))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.field()).isEqualTo("variables.appointment.time");
                });
    }

    @Test
    void unclosedPlaceholderIsRejectedWhenParsed() {
        assertThatThrownBy(() -> TemplateText.parse("Hi {{customer.name", "variants.sms.body"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class,
                        e -> assertThat(e.field()).isEqualTo("variants.sms.body"));
    }

    @Test
    void listsVariablesInOrderOfFirstUse() {
        TemplateText text = TemplateText.parse("{{b}} {{a.x}} {{b}}", "body");

        assertThat(text.variables()).containsExactly("b", "a.x");
    }
}
