package dev.threadline.messaging.support;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Syntax check and normalization of plain email addresses (no display names). */
public final class EmailAddresses {

    // The practical subset of RFC 5322 addr-spec that mail providers accept: dot-atom local part, a domain
    // with at least one dot and a 2+ letter top-level label.
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private EmailAddresses() {
    }

    /**
     * Checks the syntax and lower-cases the address.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} on {@code field}
     */
    public static String normalize(String raw, String field) {
        String candidate = raw.strip();
        if (candidate.length() > 254 || !ADDRESS.matcher(candidate).matches()) {
            throw NonRetriableMessagingException.validation(field, field + " is not a valid email address");
        }
        return candidate.toLowerCase(Locale.ROOT);
    }
}
