package dev.threadline.messaging.testkit.fakes;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * SendGrid's v3 Mail Send API on 127.0.0.1: records every request as it arrived on the wire and answers as
 * SendGrid does. A {@code POST} to {@code /v3/mail/send} (under any path prefix, as behind a proxy) answers
 * {@code 202 Accepted} with no body and the mail's id in {@code X-Message-Id}; anything else answers 404 in
 * SendGrid's error format. Scripted answers go first: {@link #error}, {@link #rateLimited} or any literal
 * {@link #answer}. Point the SendGrid channel's base URL at {@link #baseUrl()}.
 */
public final class FakeSendGridApi extends FakeHttpApi<FakeSendGridApi> {

    /** The path mail is sent to. */
    public static final String MAIL_SEND_PATH = "/v3/mail/send";

    /** The requests per window SendGrid reports in {@code X-RateLimit-Limit}. */
    private static final int RATE_LIMIT = 600;

    private final AtomicInteger accepted = new AtomicInteger();

    /** The {@code X-Message-Id} the {@code n}-th accepted mail (counting from 1) gets. */
    public static String messageId(int n) {
        return "sg-msg-" + n;
    }

    /**
     * The next request fails with SendGrid's error body,
     * {@code {"errors":[{"message":"...","field":"...","help":null}]}}.
     *
     * @param field the request field SendGrid blames, as in {@code "from"} or {@code "personalizations.0.to"}; null
     *              for an error about the request as a whole
     */
    public FakeSendGridApi error(int status, String message, @Nullable String field) {
        return script(request -> errors(status, Map.of(), message, field));
    }

    /**
     * The next request is refused with {@code 429 Too Many Requests}, SendGrid's rate-limit headers
     * ({@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining: 0}, and {@code X-RateLimit-Reset} in epoch seconds)
     * and its error body.
     */
    public FakeSendGridApi rateLimited(Instant reset) {
        Map<String, String> headers = Map.of("X-RateLimit-Limit", Integer.toString(RATE_LIMIT), "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset.getEpochSecond()));
        return script(request -> errors(429, headers, "too many requests", null));
    }

    @Override
    protected Reply usualReply(RecordedRequest request) {
        if (request.method().equals("POST") && request.path().endsWith(MAIL_SEND_PATH)) {
            return new Reply(202, Map.of("X-Message-Id", messageId(accepted.incrementAndGet())), "");
        }
        return errors(404, Map.of(), "resource not found", null);
    }

    private static Reply errors(int status, Map<String, String> headers, String message, @Nullable String field) {
        return Reply.json(status, headers, """
                {"errors":[{"message":%s,"field":%s,"help":null}]}""".formatted(quoted(message), field == null ? "null" : quoted(field)));
    }

    private static String quoted(String text) {
        return "\"" + escapeJson(text) + "\"";
    }
}
