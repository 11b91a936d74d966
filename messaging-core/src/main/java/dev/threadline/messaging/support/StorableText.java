package dev.threadline.messaging.support;

import dev.threadline.messaging.NonRetriableMessagingException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Text every supported database stores as it is: PostgreSQL refuses the NUL character in text, and no
 * database can encode half of a UTF-16 surrogate pair. H2 would store both, so without this check the
 * same message would be kept on one database and refused on the other.
 */
public final class StorableText {

    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {
    }

    /** Whether {@code text} (null counts) can be stored as it is. */
    public static boolean isStorable(@Nullable String text) {
        return text == null || firstUnstorable(text) < 0;
    }

    /**
     * Refuses typed input that cannot be stored.
     *
     * @throws NonRetriableMessagingException {@code validation_failed} naming {@code field}
     */
    public static void require(@Nullable String text, String field) {
        if (text != null) {
            int at = firstUnstorable(text);
            if (at >= 0) {
                throw NonRetriableMessagingException.validation(field, field + " contains a character that cannot be stored ("
                        + describe(text.charAt(at)) + " at position " + at + ")");
            }
        }
    }

    /** {@code text} without NUL characters and with unpaired surrogates replaced by U+FFFD. */
    public static String storable(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else {
                kept.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return kept.toString();
    }

    /** {@code text} with each character that cannot be stored written as {@code \\uXXXX}: the original, in storable form. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\0' || Character.isSurrogate(c) || c == '\\') {
                out.append(describe(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char c) {
        return String.format(Locale.ROOT, "\\u%04X", (int) c);
    }
}
