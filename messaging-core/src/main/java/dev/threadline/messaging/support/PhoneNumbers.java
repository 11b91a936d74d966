package dev.threadline.messaging.support;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** E.164 normalization with libphonenumber. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /**
     * Parsing is a measurable share of receiving a message, and the same few thousand customers write
     * again and again: remember recent results. Bounded crudely (cleared when full) to stay simple.
     */
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

    private PhoneNumbers() {
    }

    /**
     * Normalizes {@code raw} to E.164, reading numbers without a country code as {@code defaultRegion}.
     * A {@code whatsapp:} prefix is ignored.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code field} when it is not a valid number
     */
    public static String toE164(String raw, String defaultRegion, String field) {
        String key = defaultRegion + '|' + raw;
        String cached = NORMALIZED.get(key);
        if (cached != null) {
            return cached;
        }
        String normalized = parse(raw, defaultRegion, field);
        if (NORMALIZED.size() >= CACHE_LIMIT) {
            NORMALIZED.clear();
        }
        NORMALIZED.put(key, normalized);
        return normalized;
    }

    private static String parse(String raw, String defaultRegion, String field) {
        String candidate = raw.strip();
        if (candidate.regionMatches(true, 0, "whatsapp:", 0, 9)) {
            candidate = candidate.substring(9);
        }
        try {
            PhoneNumber number = UTIL.parse(candidate, defaultRegion);
            // "Possible" (right length for the country) rather than "valid" (an assigned range): fictional
            // 555 numbers used in demos and tests must pass, and the provider rejects unassigned ones anyway.
            if (!UTIL.isPossibleNumber(number)) {
                throw NonRetriableMessagingException.validation(field, field + " is not a valid phone number");
            }
            return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw NonRetriableMessagingException.validation(field, field + " is not a valid phone number");
        }
    }
}
