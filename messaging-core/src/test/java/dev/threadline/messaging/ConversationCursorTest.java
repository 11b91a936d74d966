package dev.threadline.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.threadline.messaging.spi.ConversationCursor;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationCursorTest {

    @Test
    void encodedCursorDecodesToTheSamePosition() {
        ConversationCursor cursor = new ConversationCursor(Instant.parse("2026-11-21T12:00:30.123456789Z"), "0190:abc", 42);

        assertThat(ConversationCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void tamperedCursorIsAValidationErrorOnCursor() {
        assertThatThrownBy(() -> ConversationCursor.decode("not*a*cursor"))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void pageDeeperThanAnOffsetCanReachIsAValidationErrorOnPage() {
        assertThatThrownBy(() -> dev.threadline.messaging.ConversationQuery.all().withPage(Integer.MAX_VALUE, 100))
                .isInstanceOfSatisfying(NonRetriableMessagingException.class, e -> assertThat(e.field()).isEqualTo("page"));
    }
}
