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
import org.junit.jupiter.api.Test;
import dev.threadline.messaging.testkit.WebhookSigner;

/** Signature and timestamp checks of the signed Event Webhook. */
class SendGridEventVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());
    private static final byte[] BODY = SendGridEventParserTest.BODY;

    private final WebhookSigner signer = WebhookSigner.withNewSendGridKey();
    private final SendGridEventVerifier verifier = verifier(signer.sendGridPublicKeyBase64());

    @Test
    void bodySignedBySendGridIsAccepted() {
        assertThatCode(() -> verifier.verify(BODY, signer.sendGrid(TIMESTAMP, BODY), TIMESTAMP)).doesNotThrowAnyException();
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
        SendGridEventVerifier sendGrids = new SendGridEventVerifier(
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
                Duration.ofMinutes(10), Clock.fixed(Instant.ofEpochSecond(1600112502), ZoneOffset.UTC));

        assertThatCode(() -> sendGrids.verify(payload,
                "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=", timestamp))
                .doesNotThrowAnyException();
    }

    @Test
    void timestampWithinToleranceIsAccepted() {
        String nineMinutesAgo = Long.toString(NOW.minusSeconds(540).getEpochSecond());

        assertThatCode(() -> verifier.verify(BODY, signer.sendGrid(nineMinutesAgo, BODY), nineMinutesAgo)).doesNotThrowAnyException();
    }

    @Test
    void tamperedBodyIsRejected() {
        String signature = signer.sendGrid(TIMESTAMP, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("delivered", "bounce").getBytes(StandardCharsets.UTF_8);

        assertInvalidSignature(() -> verifier.verify(tampered, signature, TIMESTAMP));
    }

    @Test
    void signatureOverAnotherTimestampIsRejected() {
        String signature = signer.sendGrid(TIMESTAMP, BODY);
        String otherTimestamp = Long.toString(NOW.getEpochSecond() - 1);

        assertInvalidSignature(() -> verifier.verify(BODY, signature, otherTimestamp));
    }

    @Test
    void staleTimestampIsRejectedEvenWhenSigned() {
        String elevenMinutesAgo = Long.toString(NOW.minusSeconds(660).getEpochSecond());

        assertInvalidSignature(() -> verifier.verify(BODY, signer.sendGrid(elevenMinutesAgo, BODY), elevenMinutesAgo));
    }

    @Test
    void timestampFarInTheFutureIsRejected() {
        String inAnHour = Long.toString(NOW.plusSeconds(3600).getEpochSecond());

        assertInvalidSignature(() -> verifier.verify(BODY, signer.sendGrid(inAnHour, BODY), inAnHour));
    }

    @Test
    void missingSignatureHeaderIsRejected() {
        NonRetriableMessagingException failure = assertInvalidSignature(() -> verifier.verify(BODY, null, TIMESTAMP));

        assertThat(failure.field()).isEqualTo(SendGridEventVerifier.SIGNATURE_HEADER);
    }

    @Test
    void missingTimestampHeaderIsRejected() {
        NonRetriableMessagingException failure = assertInvalidSignature(() -> verifier.verify(BODY, signer.sendGrid(TIMESTAMP, BODY), " "));

        assertThat(failure.field()).isEqualTo(SendGridEventVerifier.TIMESTAMP_HEADER);
    }

    @Test
    void signatureByAnotherKeyIsRejected() {
        WebhookSigner stranger = WebhookSigner.withNewSendGridKey();

        assertInvalidSignature(() -> verifier.verify(BODY, stranger.sendGrid(TIMESTAMP, BODY), TIMESTAMP));
    }

    @Test
    void signatureThatIsNotBase64DerIsRejected() {
        assertInvalidSignature(() -> verifier.verify(BODY, "not-a-signature!", TIMESTAMP));
    }

    @Test
    void publicKeyThatIsNotAnEcKeyIsAConfigurationError() {
        assertThatIllegalArgumentException().isThrownBy(() -> verifier("bm90IGEga2V5"))
                .withMessageContaining("public key");
    }

    @Test
    void settingsWithoutAWebhookKeyCannotMakeAVerifier() {
        SendGridSettings settings = SendGridSettings.builder("SG.key", "hello@acme.example").build();

        assertThatIllegalArgumentException().isThrownBy(() -> SendGridEventVerifier.of(settings, Clock.systemUTC()))
                .withMessageContaining("webhookPublicKey");
    }

    private static NonRetriableMessagingException assertInvalidSignature(Runnable call) {
        NonRetriableMessagingException failure = catchThrowableOfType(NonRetriableMessagingException.class, call::run);
        assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        return failure;
    }

    private static SendGridEventVerifier verifier(String publicKey) {
        return new SendGridEventVerifier(publicKey, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
