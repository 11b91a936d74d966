package dev.threadline.messaging.support;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.threadline.messaging.NonRetriableMessagingException;

/** E.164 normalization with libphonenumber. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * Normalizes {@code raw} to E.164, reading numbers without a country code as {@code defaultRegion}.
     * A {@code whatsapp:} prefix is ignored.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code field} when it is not a valid number
     */
    public static String toE164(String raw, String defaultRegion, String field) {
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
