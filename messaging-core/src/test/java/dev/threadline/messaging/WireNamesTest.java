package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The three enums read from the wire the same way: their names in any case, anything else a validation error. */
class WireNamesTest {

    @Test
    void everyNameReadsBackInAnyCase() {
        for (Sentiment sentiment : Sentiment.values()) {
            assertThat(Sentiment.fromWire(sentiment.wireName().toUpperCase(java.util.Locale.ROOT), "sentiment")).isEqualTo(sentiment);
        }
        for (ConversationStatus status : ConversationStatus.values()) {
            assertThat(ConversationStatus.fromWire(status.wireName(), "status")).isEqualTo(status);
        }
        assertThat(DeliveryStatus.fromWire("Delivered", "status")).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void anUnknownNameIsAValidationErrorNamingTheFieldNotASilentDefault() {
        assertRefused(() -> Sentiment.fromWire("ecstatic", "sentiment"), "sentiment", "positive, neutral, negative");
        assertRefused(() -> ConversationStatus.fromWire("closed", "status"), "status", "active, completed, archived, spam");
        assertRefused(() -> DeliveryStatus.fromWire("accepted", "delivery_status"), "delivery_status", "queued");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String allowed) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(allowed);
        });
    }
}
