package dev.threadline.messaging.twilio.internal;

import com.twilio.base.Page;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's Messages resource: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} to send, and
 * {@code GET} on the same list, filtered, to find what was sent.
 *
 * <p>Requests are built and sent with the SDK's {@link TwilioRestClient} (auth, URL, user agent) and
 * answers read with the SDK's {@link Message} and {@link Page} models, but not through {@code Message.creator()}
 * or {@code Message.reader()}: their {@code ApiException} drops the HTTP status and headers, and
 * {@code Retry-After} must reach the outbox.
 */
public final class TwilioMessagesApi {

    /** Messages per page of a list; Twilio allows up to 1,000. */
    static final int PAGE_SIZE = 100;
    /** Pages a list reads at most: a lookup for one recipient over a few minutes needs one. */
    static final int MAX_PAGES = 10;

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

    /** One message of Twilio's list, as far as finding an earlier send needs it. */
    public record ListedMessage(String sid, @Nullable String body, boolean outbound, @Nullable Instant created,
                                @Nullable String status, @Nullable Integer errorCode, @Nullable String errorMessage) {
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

        return created(answer(request));
    }

    /**
     * The messages Twilio sent from {@code from} to {@code to} since {@code sentSince}, newest first: the list
     * filtered by {@code To}, {@code From} and {@code DateSent>}, as the SDK's reader sends it, following
     * {@code next_page_uri}. One HTTP request per page. Twilio sets a message's send date when it hands it on,
     * so a message it still holds queued is not listed.
     *
     * @throws dev.threadline.messaging.MessagingException classified by {@link TwilioErrors}, or not retriable
     *         when more than {@link #MAX_PAGES} pages match
     */
    public List<ListedMessage> sentSince(String from, String to, Instant sentSince) {
        Request request = new Request(HttpMethod.GET, Domains.API.toString(), "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        request.addQueryParam("To", to);
        request.addQueryParam("From", from);
        request.addQueryDateTimeRange("DateSent", sentSince.atZone(ZoneOffset.UTC), null);
        request.addQueryParam("PageSize", Integer.toString(PAGE_SIZE));
        List<ListedMessage> listed = new ArrayList<>();
        for (int pages = 1; ; pages++) {
            Page<Message> page = page(answer(request));
            page.getRecords().forEach(m -> listed.add(listed(m)));
            if (!page.hasNextPage()) {
                return listed;
            }
            if (pages == MAX_PAGES) {
                throw NonRetriableMessagingException.deliveryFailed("too_many_messages",
                        "Twilio lists more than " + MAX_PAGES * PAGE_SIZE + " messages to this recipient since " + sentSince);
            }
            request = new Request(HttpMethod.GET, page.getNextPageUrl(Domains.API.toString()));
        }
    }

    private Page<Message> page(Response response) {
        try {
            return Page.fromJson("messages", response.getContent(), Message.class, client.getObjectMapper());
        } catch (ApiException e) {
            throw TwilioErrors.unreadableAnswer(response.getStatusCode());
        }
    }

    private static ListedMessage listed(Message m) {
        return new ListedMessage(m.getSid(), m.getBody(), m.getDirection() != null && m.getDirection().toString().startsWith("outbound"),
                m.getDateCreated() == null ? null : m.getDateCreated().toInstant(), m.getStatus() == null ? null : m.getStatus().toString(),
                m.getErrorCode(), m.getErrorMessage());
    }

    /** Twilio's successful answer to one request. */
    private Response answer(Request request) {
        Response response;
        try {
            response = client.request(request);
        } catch (ApiConnectionException e) {
            throw TwilioErrors.unanswered(e);
        }
        if (response.getStatusCode() / 100 != 2) {
            throw TwilioErrors.fromAnswer(response, clock.instant());
        }
        return response;
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
