package dev.threadline.messaging.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests the way the providers document it, with the JDK alone, so tests of webhook
 * routes can post what Twilio and SendGrid would. Independent of the verifiers it is used to test.
 */
public final class WebhookSigner {

    private final KeyPair sendGridKeys;

    private WebhookSigner(KeyPair sendGridKeys) {
        this.sendGridKeys = sendGridKeys;
    }

    /** A signer with a fresh P-256 key pair, like the one SendGrid signs its Event Webhook with. */
    public static WebhookSigner withNewSendGridKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new WebhookSigner(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }

    /**
     * Twilio ("Validating signatures from Twilio"): take the full URL, append each POST parameter's name
     * and value sorted by name, HMAC-SHA1 the result with the auth token, base64-encode.
     */
    public static String twilio(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }

    /** The verification key as SendGrid shows it: base64 of the X.509 SubjectPublicKeyInfo. */
    public String sendGridPublicKeyBase64() {
        return Base64.getEncoder().encodeToString(sendGridKeys.getPublic().getEncoded());
    }

    /** SendGrid's Event Webhook signature: base64 DER ECDSA-SHA256 over the timestamp header followed by the raw body. */
    public String sendGrid(String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(sendGridKeys.getPrivate());
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA256withECDSA", e);
        }
    }
}
