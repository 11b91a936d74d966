package dev.threadline.messaging.offline;

import dev.threadline.messaging.Author;
import dev.threadline.messaging.Direction;
import dev.threadline.messaging.Message;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Keyword signals shared by the offline responder, summarizer and scorer. */
final class Intents {

    private static final Pattern GREETING = Pattern.compile(
            "^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening)|yo)( there| all| team| everyone)?[\\s!.,:)]*$",
            Pattern.CASE_INSENSITIVE);
    /** A greeting that opens a longer sentence: "Hello, I'm interested…", "Hi there - what does…". */
    private static final Pattern LEADING_GREETING = Pattern.compile(
            "^(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening)|yo)( there| all| team| everyone)?(?:[\\s,!.:;)-]+|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern BOOKING = Pattern.compile("\\b(book|booking|appointment|appt|schedule|reserve|available|availability|opening|slot)s?\\b");
    private static final Pattern PRICE = Pattern.compile("\\b(price|prices|pricing|cost|costs|how much|rate|rates|\\$)");
    private static final Pattern HOURS = Pattern.compile("\\b(hours|open|close|closing|opening hours|when are you)\\b");
    private static final Pattern PROVIDERS = Pattern.compile("\\b(who|provider|providers|injector|doctor|nurse|staff)\\b");
    private static final Pattern CANCEL = Pattern.compile("\\b(cancel|reschedule|move my)\\b");

    private Intents() {
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** Whether the text is only a greeting ("Hi there!"). */
    static boolean isGreeting(String sentence) {
        return GREETING.matcher(sentence.strip()).matches();
    }

    /** The sentences of a text that say more than a greeting, without the greeting that opens one. */
    static List<String> substantiveSentences(String text) {
        return Arrays.stream(SENTENCE_END.split(text.strip()))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !isGreeting(s))
                .map(s -> LEADING_GREETING.matcher(s).replaceFirst(""))
                .filter(s -> !s.isBlank())
                .toList();
    }

    static boolean wantsBooking(String lower) {
        return BOOKING.matcher(lower).find();
    }

    static boolean asksPrice(String lower) {
        return PRICE.matcher(lower).find();
    }

    static boolean asksHours(String lower) {
        return HOURS.matcher(lower).find();
    }

    static boolean asksProviders(String lower) {
        return PROVIDERS.matcher(lower).find();
    }

    static boolean wantsCancel(String lower) {
        return CANCEL.matcher(lower).find();
    }

    /** The newest message the customer wrote. */
    static Optional<Message> lastFromCustomer(List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.direction() == Direction.INBOUND && m.author() == Author.CUSTOMER) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
