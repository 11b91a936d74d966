package dev.threadline.messaging.sendgrid;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of the SendGrid module. Build with {@link #builder(String, String)}, which fills the defaults.
 *
 * @param apiKey SendGrid API key with the Mail Send permission
 * @param fromEmail the verified sender address of our mail
 * @param fromName display name of the sender
 * @param replyTo where customers' replies go, when not to {@code fromEmail} (e.g. an Inbound Parse address)
 * @param apiBaseUrl REST endpoint, {@code https://api.sendgrid.com} unless a proxy or test server stands in;
 *        {@code http://} is accepted for local servers
 * @param webhookPublicKey base64 ECDSA public key of the signed Event Webhook, from SendGrid's settings page
 * @param webhookTolerance how old an Event Webhook timestamp may be (and how far in the future)
 * @param timeouts HTTP timeouts of the REST client
 */
public record SendGridSettings(
        String apiKey,
        String fromEmail,
        @Nullable String fromName,
        @Nullable String replyTo,
        String apiBaseUrl,
        @Nullable String webhookPublicKey,
        Duration webhookTolerance,
        Timeouts timeouts) {

    public static final String DEFAULT_API_BASE_URL = "https://api.sendgrid.com";
    public static final Duration DEFAULT_WEBHOOK_TOLERANCE = Duration.ofMinutes(10);

    public SendGridSettings {
        requireText(apiKey, "apiKey");
        requireText(fromEmail, "fromEmail");
        requireText(apiBaseUrl, "apiBaseUrl");
        URI base = URI.create(apiBaseUrl);
        if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("apiBaseUrl must be an http(s) URL: " + apiBaseUrl);
        }
        Objects.requireNonNull(webhookTolerance, "webhookTolerance");
        if (webhookTolerance.isNegative() || webhookTolerance.isZero()) {
            throw new IllegalArgumentException("webhookTolerance must be positive");
        }
        Objects.requireNonNull(timeouts, "timeouts");
    }

    /** Settings with every default: the public API, a 10 minute webhook tolerance, {@link Timeouts#DEFAULT}. */
    public static Builder builder(String apiKey, String fromEmail) {
        return new Builder(apiKey, fromEmail);
    }

    /**
     * Timeouts of the REST client. SendGrid's own default client has none, so a stalled connection would hold a
     * delivery worker forever.
     *
     * @param connect to open a connection (and to wait for a pooled one)
     * @param read longest silence while waiting for the answer
     */
    public record Timeouts(Duration connect, Duration read) {
        /** 5 s to connect, 30 s to answer. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30));

        public Timeouts {
            requirePositive(connect, "connect");
            requirePositive(read, "read");
        }

        private static void requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " timeout must be positive and below 24 days");
            }
        }
    }

    /** Builder for {@link SendGridSettings}; the defaults live here. */
    public static final class Builder {
        private final String apiKey;
        private final String fromEmail;
        private @Nullable String fromName;
        private @Nullable String replyTo;
        private String apiBaseUrl = DEFAULT_API_BASE_URL;
        private @Nullable String webhookPublicKey;
        private Duration webhookTolerance = DEFAULT_WEBHOOK_TOLERANCE;
        private Timeouts timeouts = Timeouts.DEFAULT;

        private Builder(String apiKey, String fromEmail) {
            this.apiKey = apiKey;
            this.fromEmail = fromEmail;
        }

        public Builder fromName(@Nullable String value) { this.fromName = value; return this; }
        public Builder replyTo(@Nullable String value) { this.replyTo = value; return this; }
        public Builder apiBaseUrl(String value) { this.apiBaseUrl = value; return this; }
        public Builder webhookPublicKey(@Nullable String value) { this.webhookPublicKey = value; return this; }
        public Builder webhookTolerance(Duration value) { this.webhookTolerance = value; return this; }
        public Builder timeouts(Timeouts value) { this.timeouts = value; return this; }

        public SendGridSettings build() {
            return new SendGridSettings(apiKey, fromEmail, fromName, replyTo, apiBaseUrl, webhookPublicKey,
                    webhookTolerance, timeouts);
        }
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Keeps the API key out of logs and exception messages. */
    @Override
    public String toString() {
        return "SendGridSettings[fromEmail=" + fromEmail + ", apiBaseUrl=" + apiBaseUrl + ", webhookTolerance="
                + webhookTolerance + ", timeouts=" + timeouts + "]";
    }
}
