package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One definition of what the customer got or wrote, used by AI history, transcripts, chat memory and staff alerts. */
class MessageExchangeTest {

    @ParameterizedTest
    @EnumSource(value = DeliveryStatus.class, names = {"RECEIVED", "QUEUED", "SENDING", "SENT", "DELIVERED", "READ"})
    void whatTheCustomerWroteOrWasHandedIsPartOfTheExchange(DeliveryStatus status) {
        assertThat(message(status).isPartOfTheExchange()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryStatus.class, names = {"DRAFT", "CANCELED", "SCHEDULED", "FAILED", "UNDELIVERED"})
    void whatTheCustomerNeverGotIsNot(DeliveryStatus status) {
        assertThat(message(status).isPartOfTheExchange()).isFalse();
    }

    private static Message message(DeliveryStatus status) {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        Direction direction = status == DeliveryStatus.RECEIVED ? Direction.INBOUND : Direction.OUTBOUND;
        return new Message("m1", "t", "c1", ChannelId.SMS, direction, direction == Direction.INBOUND ? Author.CUSTOMER : Author.AI,
                "Hello", null, List.of(), null, null, status, at, at, null, null, Map.of());
    }
}
