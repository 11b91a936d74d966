package dev.threadline.messaging.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.threadline.messaging.ErrorCode;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.threadline.messaging.testkit.WebhookSigner;

/** {@code X-Twilio-Signature} checks over the public URL and the form parameters. */
class TwilioSignatureVerifierTest {

    private static final String TOKEN = "8f1c2d3e4b5a69788796a5b4c3d2e1f0";
    private static final String SMS_URL = "https://app.example.com/webhooks/twilio/sms";
    private static final Map<String, String> INBOUND = Map.of(
            "MessageSid", "SM9f8e7d6c5b4a39281706f5e4d3c2b1a0",
            "AccountSid", "AC00000000000000000000000000000001",
            "From", "+14155550123",
            "To", "+14155550100",
            "Body", "Can I book for Tuesday?",
            "NumMedia", "0");

    // Twilio's documented example ("Validating signatures from Twilio").
    private static final String DOC_TOKEN = "12345";
    private static final String DOC_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> DOC_PARAMS = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+14158675309",
            "Digits", "1234",
            "From", "+14158675309",
            "To", "+18005551212");
    private static final String DOC_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(TOKEN);

    @Test
    void acceptsTwilioDocumentedExample() {
        TwilioSignatureVerifier documented = new TwilioSignatureVerifier(DOC_TOKEN);

        assertThatCode(() -> documented.verify(DOC_URL, DOC_PARAMS, DOC_SIGNATURE)).doesNotThrowAnyException();
    }

    @Test
    void testSignerReproducesTwilioDocumentedExample() {
        assertThat(WebhookSigner.twilio(DOC_TOKEN, DOC_URL, DOC_PARAMS)).isEqualTo(DOC_SIGNATURE);
    }

    @Test
    void acceptsSignedInboundMessage() {
        String signature = WebhookSigner.twilio(TOKEN, SMS_URL, INBOUND);

        assertThatCode(() -> verifier.verify(SMS_URL, INBOUND, signature)).doesNotThrowAnyException();
    }

    @Test
    void rejectsTamperedParameter() {
        String signature = WebhookSigner.twilio(TOKEN, SMS_URL, INBOUND);
        Map<String, String> tampered = new HashMap<>(INBOUND);
        tampered.put("Body", "Cancel all my appointments");

        assertRejected(() -> verifier.verify(SMS_URL, tampered, signature));
    }

    @Test
    void rejectsAddedParameter() {
        String signature = WebhookSigner.twilio(TOKEN, SMS_URL, INBOUND);
        Map<String, String> extended = new HashMap<>(INBOUND);
        extended.put("MediaUrl0", "https://evil.example.com/x.jpg");

        assertRejected(() -> verifier.verify(SMS_URL, extended, signature));
    }

    @Test
    void rejectsSignatureMadeForAnotherUrl() {
        String signature = WebhookSigner.twilio(TOKEN, SMS_URL, INBOUND);

        assertRejected(() -> verifier.verify("https://app.example.com/webhooks/twilio/status", INBOUND, signature));
    }

    @Test
    void rejectsMissingSignature() {
        assertRejected(() -> verifier.verify(SMS_URL, INBOUND, null));
    }

    @Test
    void rejectsBlankSignature() {
        assertRejected(() -> verifier.verify(SMS_URL, INBOUND, " "));
    }

    @Test
    void rejectsSignatureMadeWithAnotherToken() {
        String signature = WebhookSigner.twilio("another-accounts-token", SMS_URL, INBOUND);

        assertRejected(() -> verifier.verify(SMS_URL, INBOUND, signature));
    }

    @Test
    void blankAuthTokenIsAConfigurationError() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TwilioSignatureVerifier(" ")).withMessageContaining("authToken");
    }

    private static void assertRejected(Runnable verification) {
        NonRetriableMessagingException e = catchThrowableOfType(NonRetriableMessagingException.class, verification::run);
        assertThat(e).as("verification should fail").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertThat(e.field()).isEqualTo("X-Twilio-Signature");
    }
}
