package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.threadline.messaging.DeliveryStatus;
import dev.threadline.messaging.DeliveryUpdate;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SendGridEventTest {

    private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

    @ParameterizedTest
    @CsvSource({"processed, SENT", "delivered, DELIVERED", "open, READ", "click, READ", "bounce, UNDELIVERED", "dropped, FAILED"})
    void deliveryEventsReportTheirStatus(String type, DeliveryStatus status) {
        assertThat(event(type, null).status()).contains(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deferred", "spamreport", "unsubscribe", "group_unsubscribe", "group_resubscribe"})
    void otherEventsReportNoStatus(String type) {
        assertThat(event(type, null).status()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spamreport", "unsubscribe", "group_unsubscribe"})
    void complaintsAndUnsubscribesOptOut(String type) {
        assertThat(event(type, null).optsOut()).isTrue();
    }

    @Test
    void hardBounceOptsOut() {
        assertThat(event("bounce", "bounce").optsOut()).isTrue();
    }

    @Test
    void blockedMessageDoesNotOptTheAddressOut() {
        assertThat(event("bounce", "blocked").optsOut()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"processed", "delivered", "open", "dropped", "deferred"})
    void deliveryProgressDoesNotOptOut(String type) {
        assertThat(event(type, null).optsOut()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bounced Address", "Unsubscribed Address", "Spam Reporting Address"})
    void dropForASuppressedAddressOptsOut(String reason) {
        assertThat(new SendGridEvent("e-1", "dropped", "m-1", "acme", null, "ana@example.com", AT, reason, null).optsOut()).isTrue();
    }

    @Test
    void bounceUpdateCarriesTypeAndReason() {
        assertThat(event("bounce", "bounce").toUpdate())
                .isEqualTo(new DeliveryUpdate(DeliveryStatus.UNDELIVERED, AT, "sg-msg-1", "bounce", "550 5.1.1 no such user"));
    }

    @Test
    void deliveredUpdateCarriesSendGridsIdAndNoError() {
        assertThat(event("delivered", null).toUpdate()).isEqualTo(new DeliveryUpdate(DeliveryStatus.DELIVERED, AT, "sg-msg-1", null, null));
    }

    @Test
    void eventWithoutStatusHasNoUpdate() {
        assertThatIllegalStateException().isThrownBy(() -> event("spamreport", null).toUpdate());
    }

    private static SendGridEvent event(String type, @Nullable String bounceType) {
        return new SendGridEvent("e-1", type, "m-1", "acme", "sg-msg-1", "ana@example.com", AT, "550 5.1.1 no such user", bounceType);
    }
}
