package dev.threadline.messaging.automation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.automation.template.MessageTemplate;
import dev.threadline.messaging.automation.template.TemplateKind;
import dev.threadline.messaging.automation.template.TemplateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TemplateStore} must do. A store's test extends this and returns an empty store from
 * {@link #createStore()}; it ships in messaging-automation's test jar (classifier {@code tests}).
 */
public abstract class TemplateStoreContract {

    private TemplateStore store;

    /** A store with no templates, used by one test. */
    protected abstract TemplateStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Test
    void aSavedTemplateComesBackWithEveryVariantAndItsFallback() {
        MessageTemplate template = MessageTemplate.builder("spa", "reminder")
                .sms("Hi {{name}}, see you {{appointment.day}}.")
                .email("Your visit on {{appointment.day}}", "Dear {{name}},\nsee you soon.")
                .fallback(null, "See you {{appointment.day}}.")
                .build();

        store.save(template);

        assertThat(store.find("spa", "reminder")).contains(template);
        assertThat(store.find("spa", "reminder").orElseThrow().render(ChannelId.WHATSAPP,
                java.util.Map.of("appointment", java.util.Map.of("day", "Friday"))).body()).isEqualTo("See you Friday.");
    }

    @Test
    void savingUnderTheSameNameReplacesTheTemplate() {
        store.save(MessageTemplate.builder("spa", "thanks").sms("Thanks!").build());
        MessageTemplate replacement = MessageTemplate.builder("spa", "thanks").cannedReply().sms("Thank you, {{name}}.").build();

        store.save(replacement);

        assertThat(store.find("spa", "thanks")).contains(replacement);
        assertThat(store.find("spa", "thanks").orElseThrow().kind()).isEqualTo(TemplateKind.CANNED_REPLY);
        assertThat(store.list("spa")).hasSize(1);
    }

    @Test
    void aTenantListsOnlyItsOwnTemplatesOrderedByName() {
        store.save(MessageTemplate.builder("spa", "welcome").sms("Welcome").build());
        store.save(MessageTemplate.builder("spa", "a-follow-up").sms("How was it?").build());
        store.save(MessageTemplate.builder("spa", "b.review").sms("Review us").build());
        store.save(MessageTemplate.builder("other", "aaa").sms("Not yours").build());

        assertThat(store.list("spa")).extracting(MessageTemplate::name).containsExactly("a-follow-up", "b.review", "welcome");
        assertThat(store.find("other", "welcome")).isEmpty();
    }

    @Test
    void deleteRemovesTheTemplateAndSaysWhetherThereWasOne() {
        store.save(MessageTemplate.builder("spa", "old").sms("Old").build());
        store.save(MessageTemplate.builder("other", "old").sms("Other's").build());

        assertThat(store.delete("spa", "old")).isTrue();
        assertThat(store.delete("spa", "old")).isFalse();
        assertThat(store.find("spa", "old")).isEmpty();
        assertThat(store.find("other", "old")).isPresent();
    }
}
