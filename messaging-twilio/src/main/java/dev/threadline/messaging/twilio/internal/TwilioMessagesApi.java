package dev.threadline.messaging.twilio.internal;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;
import com.twilio.rest.api.v2010.account.Message;
import dev.threadline.messaging.NonRetriableMessagingException;
import dev.threadline.messaging.twilio.TwilioSettings;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's Messages resource: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}.
 *
 * <p>The request is built and sent with the SDK's {@link TwilioRestClient} (auth, URL, user agent) and
 * the answer read with the SDK's {@link Message} model, but not through {@code Message.creator()}: its
 * {@code ApiException} drops the HTTP status and headers, and {@code Retry-After} must reach the outbox.
 */
public final class TwilioMessagesApi {

    private final TwilioRestClient client;
    private final String accountSid;
    private final Clock clock;

    public TwilioMessagesApi(TwilioSettings settings, Clock clock) {
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new SingleAttemptHttpClient(settings.apiBaseUrl(), settings.connectTimeout(), settings.readTimeout()))
                .build();
        this.accountSid = settings.accountSid();
        this.clock = clock;
    }

    /** What Twilio answered when it took a message. */
    public record CreatedMessage(String sid, @Nullable String status) {
    }

    /**
     * Creates one message with exactly one HTTP request. A message Twilio already reports failed is thrown, not returned.
     *
     * @throws dev.threadline.messaging.MessagingException classified by {@link TwilioErrors}
     */
    public CreatedMessage create(String from, String to, String body, @Nullable String statusCallback, List<String> mediaUrls) {
        Request request = new Request(HttpMethod.POST, Domains.API.toString(), "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        request.setContentType(EnumConstants.ContentType.FORM_URLENCODED);
        request.addPostParam("To", to);
        request.addPostParam("From", from);
        if (!body.isEmpty()) {
            request.addPostParam("Body", body);
        }
        if (statusCallback != null) {
            request.addPostParam("StatusCallback", statusCallback);
        }
        mediaUrls.forEach(url -> request.addPostParam("MediaUrl", url));

        Response response;
        try {
            response = client.request(request);
        } catch (ApiConnectionException e) {
            throw TwilioErrors.unanswered(e);
        }
        if (response.getStatusCode() / 100 != 2) {
            throw TwilioErrors.fromAnswer(response, clock.instant());
        }
        return created(response);
    }

    private CreatedMessage created(Response response) {
        Message message;
        try {
            message = Message.fromJson(response.getContent(), client.getObjectMapper());
        } catch (ApiException e) {
            message = null;
        }
        if (message == null || message.getSid() == null) {
            throw TwilioErrors.unreadableAnswer(response.getStatusCode());
        }
        String status = message.getStatus() == null ? null : message.getStatus().toString();
        NonRetriableMessagingException failed = TwilioErrors.failedOnCreation(status, message.getErrorCode(), message.getErrorMessage());
        if (failed != null) {
            throw failed;
        }
        return new CreatedMessage(message.getSid(), status);
    }
}
