package dev.threadline.messaging.twilio;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How fast each sending number may send, in SMS segments per second, so bulk sends do not overflow
 * Twilio's per-number queue. A long code takes 1 segment per second; toll-free and short codes take
 * more (set them per number). A WhatsApp message counts as one unit whatever its length.
 *
 * <p>A send waits for its number's next free slot; sends from other numbers do not wait for it. A slot
 * further away than {@code maxWait} is not waited for: the send fails as retriable
 * ({@code rate_limited}, with the wait as {@code Retry-After}) so the outbox tries it later and the
 * delivery worker does not hold its claim past the lease.
 *
 * @param defaultSegmentsPerSecond rate of every number not listed
 * @param segmentsPerSecondByNumber rates by E.164 sending number
 * @param maxWait longest a send waits for its slot
 */
public record TwilioPacing(double defaultSegmentsPerSecond, Map<String, Double> segmentsPerSecondByNumber, Duration maxWait) {

    /** 1 segment per second for every number, waiting at most 60 s. */
    public static final TwilioPacing LONG_CODE = new TwilioPacing(1.0, Map.of(), Duration.ofSeconds(60));

    public TwilioPacing {
        requireRate(defaultSegmentsPerSecond, "default");
        segmentsPerSecondByNumber = Map.copyOf(segmentsPerSecondByNumber);
        segmentsPerSecondByNumber.forEach((number, rate) -> requireRate(rate, number));
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
    }

    /** This pacing with {@code number} sending at {@code segmentsPerSecond}. */
    public TwilioPacing withNumber(String number, double segmentsPerSecond) {
        Map<String, Double> rates = new HashMap<>(segmentsPerSecondByNumber);
        rates.put(number, segmentsPerSecond);
        return new TwilioPacing(defaultSegmentsPerSecond, rates, maxWait);
    }

    /** The rate of {@code number}. */
    public double segmentsPerSecond(String number) {
        return segmentsPerSecondByNumber.getOrDefault(number, defaultSegmentsPerSecond);
    }

    private static void requireRate(double rate, String what) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("segments per second must be a positive number (" + what + "): " + rate);
        }
    }
}
