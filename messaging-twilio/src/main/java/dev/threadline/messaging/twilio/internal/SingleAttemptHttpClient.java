package dev.threadline.messaging.twilio.internal;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.HttpUtility;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The twilio-java transport Threadline uses: one HTTP request per call, to the configured base URL.
 *
 * <p>The SDK always addresses {@code https://api.twilio.com}; this client keeps the request's path, query,
 * form and auth and swaps scheme, host and port (and prepends a base path, for proxies) for the
 * configured endpoint. It makes exactly one request: the SDK's own retry loop ({@code reliableRequest},
 * three tries on any 5xx) and the Apache client's retries on 429/503 would multiply requests behind the
 * outbox's back, which already retries with backoff and honours {@code Retry-After}. The JDK client
 * never resends a POST, follows no redirects and is bounded by the connect and read timeouts. A failure
 * to get an answer surfaces as the SDK's {@link ApiConnectionException}.
 */
public final class SingleAttemptHttpClient extends HttpClient {

    private final URI baseUri;
    private final Duration readTimeout;
    private final java.net.http.HttpClient client;

    public SingleAttemptHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUri = URI.create(baseUrl);
        this.readTimeout = readTimeout;
        this.client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    /** One request, whatever the answer; the caller decides about retrying. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    /** One request, whatever the answer: retry codes and counts are ignored on purpose. */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpRequest.Builder http = HttpRequest.newBuilder(target(request))
                .timeout(readTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", HttpUtility.getUserAgentString(request.getUserAgentExtensions(), true));
        if (request.requiresAuthentication()) {
            http.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> http.header(name, value)));
        http.method(request.getMethod().toString(), body(request, http));
        try {
            HttpResponse<String> answer = client.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(answer.body(), answer.statusCode(), headers(answer));
        } catch (IOException e) {
            throw new ApiConnectionException("no answer from " + baseUri.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while waiting for " + baseUri.getHost(), e);
        }
    }

    /** The request's URL moved onto the configured endpoint. */
    private URI target(Request request) {
        URI original = URI.create(request.constructURL().toString());
        String basePath = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        String path = basePath + original.getRawPath();
        String query = original.getRawQuery() == null ? "" : "?" + original.getRawQuery();
        String authority = baseUri.getRawAuthority();
        try {
            return new URI(baseUri.getScheme() + "://" + authority + path + query);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot address " + original + " at " + baseUri, e);
        }
    }

    private static HttpRequest.BodyPublisher body(Request request, HttpRequest.Builder http) {
        if (request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.DELETE) {
            return HttpRequest.BodyPublishers.noBody();
        }
        EnumConstants.ContentType type = request.getContentType();
        if (type != null && type != EnumConstants.ContentType.FORM_URLENCODED) {
            throw new IllegalArgumentException("only form-encoded Twilio requests are supported, not " + type.getValue());
        }
        http.header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        return HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
    }

    private static Header[] headers(HttpResponse<?> answer) {
        return answer.headers().map().entrySet().stream()
                .flatMap((Map.Entry<String, List<String>> e) -> e.getValue().stream().map(v -> new BasicHeader(e.getKey(), v)))
                .toArray(Header[]::new);
    }
}
