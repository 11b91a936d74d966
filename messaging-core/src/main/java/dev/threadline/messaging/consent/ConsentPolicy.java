package dev.threadline.messaging.consent;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one tenant's customers opt out of and back into messages: whole-message keywords, matched ignoring
 * case, punctuation and spacing ({@code "Stop."}, {@code " opt-out "} and {@code "OPTOUT"} all match), and
 * what happens when a customer asks to stop in plain words.
 *
 * @param optOutKeywords whole messages that opt the customer out of the channel
 * @param optInKeywords whole messages that opt the customer back in
 * @param helpKeywords whole messages answered with the help text
 * @param stopRequests what a request to stop written in plain words does
 */
public record ConsentPolicy(Set<String> optOutKeywords, Set<String> optInKeywords, Set<String> helpKeywords,
                            StopRequestHandling stopRequests) {

    /** Initialized before {@link #DEFAULT}, whose construction uses it. */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * The carriers' keywords plus those the FCC's 2025 consent-revocation rule names ({@code REVOKE},
     * {@code OPT OUT}); plain-words requests opt out at once and staff are told.
     */
    public static final ConsentPolicy DEFAULT = new ConsentPolicy(
            Set.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT"),
            Set.of("START", "UNSTOP", "YES"),
            Set.of("HELP", "INFO"),
            StopRequestHandling.OPT_OUT_AND_NOTIFY_STAFF);

    /** What a request to stop written in plain words does; it never gets an AI reply either way. */
    public enum StopRequestHandling {
        /** Opt the customer out at once, like a keyword, and flag the conversation for staff. */
        OPT_OUT_AND_NOTIFY_STAFF,
        /** Flag the conversation for staff, who confirm the opt-out; until then the customer stays opted in. */
        HOLD_FOR_STAFF
    }

    public ConsentPolicy {
        optOutKeywords = normalized(optOutKeywords, "optOutKeywords");
        optInKeywords = normalized(optInKeywords, "optInKeywords");
        helpKeywords = normalized(helpKeywords, "helpKeywords");
        Objects.requireNonNull(stopRequests, "stopRequests");
        if (optOutKeywords.isEmpty()) {
            throw new IllegalArgumentException("optOutKeywords must not be empty: customers must always be able to opt out");
        }
        if (optOutKeywords.stream().anyMatch(optInKeywords::contains)) {
            throw new IllegalArgumentException("a keyword cannot both opt out and opt in");
        }
    }

    /** This policy with more opt-out keywords, e.g. another language's ({@code "ALTO"}, {@code "PARAR"}). */
    public ConsentPolicy withAdditionalOptOutKeywords(Set<String> keywords) {
        return new ConsentPolicy(union(optOutKeywords, keywords), optInKeywords, helpKeywords, stopRequests);
    }

    /** This policy with plain-words requests handled as {@code handling} says. */
    public ConsentPolicy withStopRequests(StopRequestHandling handling) {
        return new ConsentPolicy(optOutKeywords, optInKeywords, helpKeywords, handling);
    }

    /** What {@code body} says about consent. */
    public ConsentSignal classify(String body) {
        String whole = keywordForm(body);
        if (optOutKeywords.contains(whole)) {
            return ConsentSignal.OPT_OUT;
        }
        if (optInKeywords.contains(whole)) {
            return ConsentSignal.OPT_IN;
        }
        if (helpKeywords.contains(whole)) {
            return ConsentSignal.HELP;
        }
        return StopRequests.isStopRequest(body) ? ConsentSignal.STOP_REQUEST : ConsentSignal.NONE;
    }

    /** Upper case, and every run of punctuation or whitespace one space: {@code "Opt-out!"} is {@code "OPT OUT"}. */
    static String keywordForm(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        return NOT_WORD.matcher(compatible).replaceAll(" ").strip();
    }

    private static Set<String> normalized(Set<String> keywords, String name) {
        Objects.requireNonNull(keywords, name);
        return keywords.stream().map(ConsentPolicy::keywordForm).filter(k -> !k.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }
}
