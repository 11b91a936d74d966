package dev.threadline.messaging.twilio;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach Twilio: the account, the default sending number and the URLs on both sides.
 * Bound from {@code messaging.twilio.*} by the Spring Boot starter; build it directly in plain Java with
 * {@link #of(String, String, String)} and the {@code with…} methods.
 *
 * @param accountSid the account SID ({@code AC…}), also the Basic-auth user
 * @param authToken the auth token: Basic-auth password and webhook signing key
 * @param fromNumber the number messages go out from when the conversation names none of ours (E.164)
 * @param publicBaseUrl the base URL Twilio reaches this application on; enables status callbacks
 * @param apiBaseUrl the REST endpoint, {@code https://api.twilio.com} unless a proxy or a test server sits in between
 * @param connectTimeout longest wait to open a connection to the REST endpoint
 * @param readTimeout longest wait for Twilio's answer once the request is sent
 */
public record TwilioSettings(String accountSid, String authToken, String fromNumber, @Nullable String publicBaseUrl,
                             String apiBaseUrl, Duration connectTimeout, Duration readTimeout) {

    /** Twilio's REST endpoint. */
    public static final String DEFAULT_API_BASE_URL = "https://api.twilio.com";
    /**
     * Connect timeout unless set: Twilio answers a send in well under a second, and a stalled call holds up the
     * rest of its delivery worker's batch, which shares one lease.
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Read timeout unless set; short for the same reason as {@link #DEFAULT_CONNECT_TIMEOUT}. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    /** Path of the status callback route under {@link #publicBaseUrl()}. */
    public static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";
    /**
     * The query parameter of a message's status-callback URL that carries our message id, so a callback finds
     * its message even when the worker that sent it stopped before storing Twilio's SID.
     */
    public static final String MESSAGE_ID_PARAMETER = "message_id";

    public TwilioSettings {
        requireText(accountSid, "account-sid");
        requireText(authToken, "auth-token");
        requireText(fromNumber, "from-number");
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : httpUrl(publicBaseUrl, "public-base-url");
        apiBaseUrl = httpUrl(Objects.requireNonNull(apiBaseUrl, "apiBaseUrl"), "api-base-url");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
    }

    /** Settings with the default REST endpoint and timeouts and no public URL (so no status callbacks). */
    public static TwilioSettings of(String accountSid, String authToken, String fromNumber) {
        return new TwilioSettings(accountSid, authToken, fromNumber, null, DEFAULT_API_BASE_URL,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public TwilioSettings withPublicBaseUrl(@Nullable String value) {
        return new TwilioSettings(accountSid, authToken, fromNumber, value, apiBaseUrl, connectTimeout, readTimeout);
    }

    public TwilioSettings withApiBaseUrl(String value) {
        return new TwilioSettings(accountSid, authToken, fromNumber, publicBaseUrl, value, connectTimeout, readTimeout);
    }

    public TwilioSettings withTimeouts(Duration connect, Duration read) {
        return new TwilioSettings(accountSid, authToken, fromNumber, publicBaseUrl, apiBaseUrl, connect, read);
    }

    /** The status callback route Twilio posts delivery status changes to, or {@code null} when no public base URL is set. */
    public @Nullable String statusCallbackUrl() {
        return publicBaseUrl == null ? null : publicBaseUrl + STATUS_CALLBACK_PATH;
    }

    /**
     * The {@code StatusCallback} of the message with our id {@code messageId}: the status route with the id as
     * {@value #MESSAGE_ID_PARAMETER}; {@code null} when no public base URL is set.
     */
    public @Nullable String statusCallbackUrl(String messageId) {
        String route = statusCallbackUrl();
        return route == null ? null : route + "?" + MESSAGE_ID_PARAMETER + "=" + URLEncoder.encode(messageId, StandardCharsets.UTF_8);
    }

    /** Never prints the auth token. */
    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid + ", fromNumber=" + fromNumber + ", publicBaseUrl=" + publicBaseUrl
                + ", apiBaseUrl=" + apiBaseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static void requireText(@Nullable String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("messaging.twilio." + property + " is required");
        }
    }

    private static void requirePositive(@Nullable Duration value, String property) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("messaging.twilio." + property + " must be a positive duration");
        }
    }

    /** The URL without a trailing slash, after checking it is an absolute http(s) URL. */
    private static String httpUrl(String value, String property) {
        String trimmed = value.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("messaging.twilio." + property + " is not a URL: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("messaging.twilio." + property + " must be an absolute http(s) URL: " + value);
        }
        return trimmed;
    }
}
