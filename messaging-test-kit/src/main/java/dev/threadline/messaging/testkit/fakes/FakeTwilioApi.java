package dev.threadline.messaging.testkit.fakes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's REST API as far as the Messages resource goes, on 127.0.0.1: records every request as it arrived on
 * the wire and answers like Twilio does. A create answers 201 with a message resource unless told otherwise, and
 * the message joins the account's list; a read ({@code GET} on the list) answers a page of that list filtered by
 * {@code To}, {@code From} and {@code DateSent>}, newest first, with Twilio's paging fields. Point the Twilio
 * channel's {@code api-base-url} at {@link #baseUrl()} and give it {@link #ACCOUNT_SID} and {@link #AUTH_TOKEN}.
 */
public final class FakeTwilioApi extends FakeHttpApi<FakeTwilioApi> {

    /** The account the fake serves; any other account's path is served all the same. */
    public static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    /** A token to configure; the fake records the credentials sent but does not check them. */
    public static final String AUTH_TOKEN = "test-auth-token";
    /** The path of the account's Messages resource, where creates and reads go. */
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    /** Twilio's RFC 2822 dates, as in {@code "Thu, 24 Aug 2023 05:01:45 +0000"}. */
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** A message of the account's list. {@code sentAt} is null while Twilio still holds it queued. */
    public record Listed(String sid, String from, String to, String body, String direction, String status, Instant createdAt,
                  @Nullable Instant sentAt) {
    }

    private final Clock clock;
    private final List<Listed> listed = new CopyOnWriteArrayList<>();
    private final AtomicInteger sids = new AtomicInteger();

    /** A fake whose messages are created, and sent, at the system clock's time. */
    public FakeTwilioApi() {
        this(Clock.systemUTC());
    }

    /** A fake whose messages are created, and sent, at {@code clock}'s time. */
    public FakeTwilioApi(Clock clock) {
        this.clock = clock;
    }

    /** The account's messages, oldest first. */
    public List<Listed> listed() {
        return List.copyOf(listed);
    }

    /** Twilio's error body for a 4xx, as the REST API sends it. */
    public FakeTwilioApi error(int status, int code, String message) {
        String body = """
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                .formatted(code, escapeJson(message), code, status);
        return script(request -> Reply.json(status, Map.of(), body));
    }

    /** The next create answers 201 reporting this status for the new message. */
    public FakeTwilioApi created(String status) {
        return script(request -> Reply.json(201, Map.of(), create(request, status)));
    }

    /** A message the account already has, sent {@code sentAt} (another app's, an inbound one, an older one). */
    public FakeTwilioApi has(String from, String to, String body, String direction, Instant sentAt) {
        listed.add(new Listed(nextSid(), from, to, body, direction, direction.equals("inbound") ? "received" : "delivered", sentAt, sentAt));
        return this;
    }

    private String nextSid() {
        return "SM" + "%032d".formatted(sids.incrementAndGet());
    }

    /** A read ({@code GET}) answers a page of the account's list; anything else creates a message, queued. */
    @Override
    protected Reply usualReply(RecordedRequest request) {
        return Reply.json(request.method().equals("GET") ? 200 : 201, Map.of(),
                request.method().equals("GET") ? list(request) : create(request, "queued"));
    }

    /**
     * Takes the message into the list and answers it as just created, not yet sent; Twilio hands it on at once, so
     * the list shows it sent now.
     */
    private String create(RecordedRequest request, String status) {
        Instant now = clock.instant();
        String sid = nextSid();
        String text = request.field("Body") == null ? "" : request.field("Body");
        listed.add(new Listed(sid, request.field("From"), request.field("To"), text, "outbound-api",
                status.equals("queued") ? "sent" : status, now, now));
        return resource(new Listed(sid, request.field("From"), request.field("To"), text, "outbound-api", status, now, null), status);
    }

    /** One page of the list, filtered as Twilio filters it; {@code Page} counts from 0. */
    private String list(RecordedRequest request) {
        String rawQuery = request.rawQuery();
        String to = request.queryParameter("To");
        String from = request.queryParameter("From");
        String sentAfter = request.queryParameter("DateSent>");
        Instant sentSince = sentAfter == null ? null : sentAfter.length() == 10
                ? LocalDate.parse(sentAfter).atStartOfDay().toInstant(ZoneOffset.UTC)
                : LocalDateTime.parse(sentAfter).toInstant(ZoneOffset.UTC);
        List<Listed> matching = listed.stream()
                .filter(m -> to == null || m.to().equals(to))
                .filter(m -> from == null || m.from().equals(from))
                .filter(m -> sentSince == null || (m.sentAt() != null && !m.sentAt().isBefore(sentSince)))
                .sorted(Comparator.comparing(Listed::createdAt).reversed())
                .toList();
        int pageSize = request.queryParameter("PageSize") == null ? 50 : Integer.parseInt(request.queryParameter("PageSize"));
        int page = request.queryParameter("Page") == null ? 0 : Integer.parseInt(request.queryParameter("Page"));
        List<Listed> items = matching.subList(Math.min(page * pageSize, matching.size()), Math.min((page + 1) * pageSize, matching.size()));
        String filter = rawQuery.replaceAll("&?(Page|PageToken)=[^&]*", "").replaceFirst("^&", "");
        String next = (page + 1) * pageSize < matching.size()
                ? "\"" + MESSAGES_PATH + "?" + filter + "&Page=" + (page + 1) + "&PageToken=PA" + items.get(items.size() - 1).sid() + "\"" : "null";
        String previous = page > 0 ? "\"" + MESSAGES_PATH + "?" + filter + "&Page=" + (page - 1) + "\"" : "null";
        return """
                {"end": %d, "first_page_uri": "%s?%s&Page=0", "messages": [%s], "next_page_uri": %s, "page": %d, "page_size": %d,
                 "previous_page_uri": %s, "start": %d, "uri": "%s?%s"}"""
                .formatted(page * pageSize + Math.max(items.size() - 1, 0), MESSAGES_PATH, filter,
                        items.stream().map(m -> resource(m, m.status())).collect(Collectors.joining(", ")), next, page, pageSize,
                        previous, page * pageSize, MESSAGES_PATH, rawQuery);
    }

    private static String resource(Listed m, String status) {
        return """
                {"account_sid": "%s", "api_version": "2010-04-01", "body": "%s", "date_created": "%s", "date_sent": %s,
                 "date_updated": "%s", "direction": "%s", "error_code": null, "error_message": null, "from": "%s",
                 "messaging_service_sid": null, "num_media": "0", "num_segments": "1", "price": null, "price_unit": "USD",
                 "sid": "%s", "status": "%s", "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/%s/Media.json"},
                 "to": "%s", "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}"""
                .formatted(ACCOUNT_SID, escapeJson(m.body()), RFC_2822.format(m.createdAt()),
                        m.sentAt() == null ? "null" : "\"" + RFC_2822.format(m.sentAt()) + "\"", RFC_2822.format(m.createdAt()),
                        m.direction(), escapeJson(m.from()), m.sid(), status, ACCOUNT_SID, m.sid(), escapeJson(m.to()), ACCOUNT_SID, m.sid());
    }
}
