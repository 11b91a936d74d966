package dev.threadline.messaging.sendgrid;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import dev.threadline.messaging.ChannelId;
import dev.threadline.messaging.RetriableMessagingException;
import dev.threadline.messaging.sendgrid.internal.MailPayloads;
import dev.threadline.messaging.sendgrid.internal.SendGridClients;
import dev.threadline.messaging.sendgrid.internal.SendGridFailures;
import dev.threadline.messaging.spi.Channel;
import dev.threadline.messaging.spi.ChannelCapabilities;
import dev.threadline.messaging.spi.OutboundDelivery;
import dev.threadline.messaging.spi.SendResult;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.apache.http.impl.client.CloseableHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code email} channel, sending through SendGrid's v3 Mail Send API.
 *
 * <p>Each mail carries a plain-text body with an HTML alternative, our own {@code Message-ID}
 * ({@link dev.threadline.messaging.Message#threadRef()}) and, on replies, {@code In-Reply-To}/{@code References},
 * so the customer's mail client threads it and their answer threads back through {@link SendGridInboundParser}.
 * Custom args {@code threadline_message_id} and {@code threadline_tenant_id} let the Event Webhook events
 * ({@link SendGridEventParser}) find the message. A 202 answer yields
 * {@link dev.threadline.messaging.DeliveryStatus#SENT} with SendGrid's {@code X-Message-Id}; 429, 5xx and network
 * failures are retriable; other 4xx are permanent ({@code delivery_failed} with the HTTP status as provider code).
 *
 * <p>Thread-safe; close it to release its connections.
 */
public final class SendGridChannel implements Channel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SendGridChannel.class);
    private static final String MAIL_SEND = "mail/send";

    private final SendGridSettings settings;
    private final CloseableHttpClient httpClient;
    private final SendGrid sendGrid;
    private final SendGridFailures failures;

    /** A channel for {@code settings}, reading rate-limit reset times against the system clock. */
    public SendGridChannel(SendGridSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A channel for {@code settings}; {@code clock} turns {@code X-RateLimit-Reset} times into waits. */
    public SendGridChannel(SendGridSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.httpClient = SendGridClients.httpClient(settings.timeouts());
        this.sendGrid = SendGridClients.sendGrid(settings, httpClient);
        this.failures = new SendGridFailures(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public ChannelId id() {
        return ChannelId.EMAIL;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.EMAIL;
    }

    @Override
    public SendResult send(OutboundDelivery delivery) {
        Request request = new Request();
        request.setMethod(Method.POST);
        request.setEndpoint(MAIL_SEND);
        try {
            request.setBody(MailPayloads.mail(delivery, settings).build());
        } catch (IOException e) {
            throw new IllegalStateException("the mail payload could not be written", e);
        }
        Response response;
        try {
            response = sendGrid.api(request);
        } catch (IOException e) {
            RetriableMessagingException failure = failures.fromIo(e);
            log.debug("SendGrid call for message {} failed: {}", delivery.message().id(), failure.getMessage());
            throw failure;
        }
        int status = response.getStatusCode();
        if (status / 100 != 2) {
            log.debug("SendGrid answered {} for message {}", status, delivery.message().id());
            throw failures.fromResponse(status, response.getBody(), response.getHeaders());
        }
        return SendResult.sent(header(response.getHeaders(), "X-Message-Id"));
    }

    private static @Nullable String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Releases the HTTP connections. */
    @Override
    public void close() {
        try {
            httpClient.close();
        } catch (IOException e) {
            log.debug("Closing the SendGrid HTTP client failed", e);
        }
    }
}
