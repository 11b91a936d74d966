package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Event Webhook bodies, as SendGrid posts them, read into {@link SendGridEvent}s. */
class SendGridEventParserTest {

    /** A {@code delivered} event for our message {@code m-1} of tenant {@code acme}. */
    static final byte[] BODY = ("[{\"email\":\"ana@example.com\",\"timestamp\":1795262400,"
            + "\"smtp-id\":\"<m-1@acme.test>\",\"event\":\"delivered\",\"category\":[],"
            + "\"sg_event_id\":\"ZGVsaXZlcmVkLTAtMjQ\",\"sg_message_id\":\"sg-msg-1.filterdrecv-5645d9c87f-78xgx-1-5D7A6C3A-2D.0\","
            + "\"response\":\"250 OK\",\"threadline_message_id\":\"m-1\",\"threadline_tenant_id\":\"acme\"}]")
            .getBytes(StandardCharsets.UTF_8);

    private final SendGridEventParser parser = new SendGridEventParser();

    @Test
    void parsesTheEventWithOurCustomArgs() {
        List<SendGridEvent> events = parser.parse(BODY);

        assertThat(events).containsExactly(new SendGridEvent("ZGVsaXZlcmVkLTAtMjQ", "delivered", "m-1", "acme", "sg-msg-1",
                "ana@example.com", Instant.ofEpochSecond(1795262400), "250 OK", null));
    }

    @Test
    void bounceCarriesReasonAndBounceType() {
        byte[] body = ("[{\"email\":\"gone@example.com\",\"timestamp\":1795262400,\"event\":\"bounce\",\"sg_event_id\":\"b-1\","
                + "\"sg_message_id\":\"sg-msg-2.filter0001.16648.5515E0B88.0\",\"reason\":\"550 5.1.1 The email account that you "
                + "tried to reach does not exist\",\"status\":\"5.1.1\",\"type\":\"bounce\"}]").getBytes(StandardCharsets.UTF_8);

        SendGridEvent bounce = parser.parse(body).get(0);

        assertThat(List.of(bounce.sgMessageId(), bounce.reason(), bounce.bounceType()))
                .containsExactly("sg-msg-2", "550 5.1.1 The email account that you tried to reach does not exist", "bounce");
    }

    @Test
    void bodyThatIsNotJsonIsMalformed() {
        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> parser.parse("[{\"event\":".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    }

    @Test
    void eventWithoutIdIsMalformed() {
        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> parser.parse("[{\"event\":\"open\",\"email\":\"a@b.co\",\"timestamp\":1}]".getBytes(StandardCharsets.UTF_8)));

        assertThat(List.of(failure.code(), failure.field())).containsExactly(ErrorCode.MALFORMED_REQUEST, "sg_event_id");
    }
}
