package dev.threadline.messaging.sendgrid.internal;

import com.sendgrid.Client;
import com.sendgrid.SendGrid;
import dev.threadline.messaging.sendgrid.SendGridSettings;
import java.net.URI;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

/** Builds the SDK's client for a configured base URL, on an Apache client we configure ourselves. */
public final class SendGridClients {

    private static final int MAX_CONNECTIONS = 20;

    private SendGridClients() {
    }

    /** An Apache client with the configured timeouts and no retries of its own: the outbox retries. */
    public static CloseableHttpClient httpClient(SendGridSettings.Timeouts timeouts) {
        int connect = Math.toIntExact(timeouts.connect().toMillis());
        RequestConfig config = RequestConfig.custom()
                .setConnectTimeout(connect)
                .setConnectionRequestTimeout(connect)
                .setSocketTimeout(Math.toIntExact(timeouts.read().toMillis()))
                .build();
        return HttpClients.custom()
                .setDefaultRequestConfig(config)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
    }

    /**
     * The SDK client aimed at {@code apiBaseUrl}. The SDK knows only a host name and an https/http switch, so the
     * URL is taken apart: scheme → test mode, host and port → host, and a path prefix (a proxy's) goes in front of
     * the API version, which the SDK puts first in every path.
     */
    public static SendGrid sendGrid(SendGridSettings settings, CloseableHttpClient httpClient) {
        URI base = URI.create(settings.apiBaseUrl());
        boolean plainHttp = "http".equals(base.getScheme());
        SendGrid sendGrid = new SendGrid(settings.apiKey(), new Client(httpClient, plainHttp));
        sendGrid.setHost(base.getPort() == -1 ? base.getHost() : base.getHost() + ":" + base.getPort());
        String prefix = base.getPath() == null ? "" : base.getPath().replaceAll("^/+|/+$", "");
        if (!prefix.isEmpty()) {
            sendGrid.setVersion(prefix + "/" + sendGrid.getVersion());
        }
        return sendGrid;
    }
}
