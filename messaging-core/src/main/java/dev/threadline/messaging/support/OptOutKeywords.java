package dev.threadline.messaging.support;

import java.util.Locale;
import java.util.Set;

/** The carrier-standard keywords, matched case-insensitively against the whole message. */
public enum OptOutKeywords {
    OPT_OUT, OPT_IN, HELP, NONE;

    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    /** Classifies a message body. */
    public static OptOutKeywords classify(String body) {
        String word = body.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
        if (STOP.contains(word)) {
            return OPT_OUT;
        }
        if (START.contains(word)) {
            return OPT_IN;
        }
        return HELP_WORDS.contains(word) ? HELP : NONE;
    }
}
