package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendGridEventWebhookTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final byte[] BODY = ("[{\"email\":\"ana@example.com\",\"timestamp\":1795262400,"
            + "\"smtp-id\":\"<m-1@acme.test>\",\"event\":\"delivered\",\"category\":[],"
            + "\"sg_event_id\":\"ZGVsaXZlcmVkLTAtMjQ\",\"sg_message_id\":\"sg-msg-1.filterdrecv-5645d9c87f-78xgx-1-5D7A6C3A-2D.0\","
            + "\"response\":\"250 OK\",\"threadline_message_id\":\"m-1\",\"threadline_tenant_id\":\"acme\"}]")
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookSigner signer = new WebhookSigner();
    private final SendGridEventWebhook webhook = webhook(signer.publicKeyBase64());

    @Test
    void bodySignedBySendGridIsAccepted() {
        assertThatCode(() -> webhook.verify(BODY, signer.sign(TIMESTAMP, BODY), TIMESTAMP)).doesNotThrowAnyException();
    }

    /** The vector of SendGrid's own library tests: key, signature and timestamp as SendGrid published them. */
    @Test
    void sendGridsPublishedVectorVerifies() {
        String timestamp = "1600112502";
        byte[] payload = ("[{\"email\":\"hello@world.com\",\"event\":\"dropped\",\"reason\":\"Bounced Address\","
                + "\"sg_event_id\":\"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA\","
                + "\"sg_message_id\":\"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\","
                + "\"smtp-id\":\"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>\",\"timestamp\":1600112492}]\r\n")
                .getBytes(StandardCharsets.UTF_8);
        SendGridEventWebhook sendGrids = new SendGridEventWebhook(
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
                Duration.ofMinutes(10), Clock.fixed(Instant.ofEpochSecond(1600112502), ZoneOffset.UTC));

        assertThatCode(() -> sendGrids.verify(payload,
                "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=", timestamp))
                .doesNotThrowAnyException();
    }

    @Test
    void timestampWithinToleranceIsAccepted() {
        String nineMinutesAgo = Long.toString(NOW.minusSeconds(540).getEpochSecond());

        assertThatCode(() -> webhook.verify(BODY, signer.sign(nineMinutesAgo, BODY), nineMinutesAgo)).doesNotThrowAnyException();
    }

    @Test
    void tamperedBodyIsRejected() {
        String signature = signer.sign(TIMESTAMP, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("delivered", "bounce").getBytes(StandardCharsets.UTF_8);

        assertInvalidSignature(() -> webhook.verify(tampered, signature, TIMESTAMP));
    }

    @Test
    void signatureOverAnotherTimestampIsRejected() {
        String signature = signer.sign(TIMESTAMP, BODY);
        String otherTimestamp = Long.toString(NOW.getEpochSecond() - 1);

        assertInvalidSignature(() -> webhook.verify(BODY, signature, otherTimestamp));
    }

    @Test
    void staleTimestampIsRejectedEvenWhenSigned() {
        String elevenMinutesAgo = Long.toString(NOW.minusSeconds(660).getEpochSecond());

        assertInvalidSignature(() -> webhook.verify(BODY, signer.sign(elevenMinutesAgo, BODY), elevenMinutesAgo));
    }

    @Test
    void timestampFarInTheFutureIsRejected() {
        String inAnHour = Long.toString(NOW.plusSeconds(3600).getEpochSecond());

        assertInvalidSignature(() -> webhook.verify(BODY, signer.sign(inAnHour, BODY), inAnHour));
    }

    @Test
    void missingSignatureHeaderIsRejected() {
        NonRetriableMessagingException failure = assertInvalidSignature(() -> webhook.verify(BODY, null, TIMESTAMP));

        assertThat(failure.field()).isEqualTo(SendGridEventWebhook.SIGNATURE_HEADER);
    }

    @Test
    void missingTimestampHeaderIsRejected() {
        NonRetriableMessagingException failure = assertInvalidSignature(() -> webhook.verify(BODY, signer.sign(TIMESTAMP, BODY), " "));

        assertThat(failure.field()).isEqualTo(SendGridEventWebhook.TIMESTAMP_HEADER);
    }

    @Test
    void signatureByAnotherKeyIsRejected() {
        WebhookSigner stranger = new WebhookSigner();

        assertInvalidSignature(() -> webhook.verify(BODY, stranger.sign(TIMESTAMP, BODY), TIMESTAMP));
    }

    @Test
    void signatureThatIsNotBase64DerIsRejected() {
        assertInvalidSignature(() -> webhook.verify(BODY, "not-a-signature!", TIMESTAMP));
    }

    @Test
    void publicKeyThatIsNotAnEcKeyIsAConfigurationError() {
        assertThatIllegalArgumentException().isThrownBy(() -> webhook("bm90IGEga2V5"))
                .withMessageContaining("public key");
    }

    @Test
    void parsesTheEventWithOurCustomArgs() {
        List<SendGridEvent> events = webhook.parse(BODY);

        assertThat(events).containsExactly(new SendGridEvent("ZGVsaXZlcmVkLTAtMjQ", "delivered", "m-1", "acme", "sg-msg-1",
                "ana@example.com", Instant.ofEpochSecond(1795262400), "250 OK", null));
    }

    @Test
    void bounceCarriesReasonAndBounceType() {
        byte[] body = ("[{\"email\":\"gone@example.com\",\"timestamp\":1795262400,\"event\":\"bounce\",\"sg_event_id\":\"b-1\","
                + "\"sg_message_id\":\"sg-msg-2.filter0001.16648.5515E0B88.0\",\"reason\":\"550 5.1.1 The email account that you "
                + "tried to reach does not exist\",\"status\":\"5.1.1\",\"type\":\"bounce\"}]").getBytes(StandardCharsets.UTF_8);

        SendGridEvent bounce = webhook.parse(body).get(0);

        assertThat(List.of(bounce.sgMessageId(), bounce.reason(), bounce.bounceType()))
                .containsExactly("sg-msg-2", "550 5.1.1 The email account that you tried to reach does not exist", "bounce");
    }

    @Test
    void bodyThatIsNotJsonIsMalformed() {
        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> webhook.parse("[{\"event\":".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    }

    @Test
    void eventWithoutIdIsMalformed() {
        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class,
                () -> webhook.parse("[{\"event\":\"open\",\"email\":\"a@b.co\",\"timestamp\":1}]".getBytes(StandardCharsets.UTF_8)));

        assertThat(List.of(failure.code(), failure.field())).containsExactly(ErrorCode.MALFORMED_REQUEST, "sg_event_id");
    }

    private static NonRetriableMessagingException assertInvalidSignature(Runnable call) {
        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class, call::run);
        assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        return failure;
    }

    private static SendGridEventWebhook webhook(String publicKey) {
        return new SendGridEventWebhook(publicKey, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
