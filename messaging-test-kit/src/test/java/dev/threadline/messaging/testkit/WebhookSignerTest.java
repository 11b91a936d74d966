package dev.threadline.messaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void twilioSignatureMatchesTwiliosDocumentedExample() {
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309", "Digits", "1234",
                "From", "+14158675309", "To", "+18005551212");

        assertThat(WebhookSigner.twilio("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }

    @Test
    void sendGridSignatureVerifiesWithThePublishedKeyOverTimestampAndBody() throws Exception {
        WebhookSigner signer = WebhookSigner.withNewSendGridKey();
        byte[] body = "[{\"event\":\"delivered\"}]".getBytes(StandardCharsets.UTF_8);

        String signature = signer.sendGrid("1700000000", body);

        PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(signer.sendGridPublicKeyBase64())));
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(key);
        verifier.update("1700000000".getBytes(StandardCharsets.UTF_8));
        verifier.update(body);
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
    }
}
