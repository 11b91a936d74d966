package dev.threadline.messaging.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSignaturesTest {

    @Test
    void twilioSignatureMatchesTwiliosDocumentedExample() {
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309", "Digits", "1234",
                "From", "+14158675309", "To", "+18005551212");

        String signature = ProviderSignatures.twilio("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params);

        assertThat(signature).isEqualTo("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }
}
