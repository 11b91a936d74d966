package dev.threadline.messaging;

import static dev.threadline.messaging.DeliveryStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void outboundStatusesMoveForward() {
        assertThat(QUEUED.canMoveTo(SENDING)).isTrue();
        assertThat(SENDING.canMoveTo(SENT)).isTrue();
        assertThat(SENT.canMoveTo(DELIVERED)).isTrue();
        assertThat(DELIVERED.canMoveTo(READ)).isTrue();
        assertThat(SCHEDULED.canMoveTo(SENT)).isTrue();
    }

    @Test
    void lateSentNeverOverwritesDelivered() {
        assertThat(DELIVERED.canMoveTo(SENT)).isFalse();
        assertThat(DELIVERED.canMoveTo(SENDING)).isFalse();
        assertThat(SENT.canMoveTo(SENDING)).isFalse();
    }

    @Test
    void sameStatusIsNotAMove() {
        assertThat(SENT.canMoveTo(SENT)).isFalse();
        assertThat(DELIVERED.canMoveTo(DELIVERED)).isFalse();
    }

    @Test
    void finalStatusesAcceptNothing() {
        for (DeliveryStatus from : new DeliveryStatus[] {READ, FAILED, UNDELIVERED, CANCELED}) {
            for (DeliveryStatus to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isFalse();
            }
        }
    }

    @Test
    void failureCanFollowAnyPendingStatusButNotDelivery() {
        assertThat(QUEUED.canMoveTo(FAILED)).isTrue();
        assertThat(SENT.canMoveTo(UNDELIVERED)).isTrue();
        assertThat(DELIVERED.canMoveTo(FAILED)).isFalse();
    }

    @Test
    void cancelOnlyBeforeTheProviderHasIt() {
        assertThat(DRAFT.canMoveTo(CANCELED)).isTrue();
        assertThat(SCHEDULED.canMoveTo(CANCELED)).isTrue();
        assertThat(QUEUED.canMoveTo(CANCELED)).isTrue();
        assertThat(SENT.canMoveTo(CANCELED)).isFalse();
    }

    @Test
    void receivedMessagesHaveNoDeliveryLifecycle() {
        for (DeliveryStatus to : values()) {
            assertThat(RECEIVED.canMoveTo(to)).isFalse();
        }
    }

    @Test
    void wireNamesRoundTrip() {
        for (DeliveryStatus status : values()) {
            assertThat(DeliveryStatus.fromWire(status.wireName(), "status")).isEqualTo(status);
        }
        assertThatThrownBy(() -> DeliveryStatus.fromWire("accepted", "status"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.field()).isEqualTo("status");
                    assertThat(e.getMessage()).contains("queued", "delivered");
                });
    }
}
