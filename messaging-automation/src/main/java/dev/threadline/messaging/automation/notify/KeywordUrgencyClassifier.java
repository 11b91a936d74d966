package dev.threadline.messaging.automation.notify;

import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Urgent when the message contains one of the keywords as a whole word or phrase, ignoring case. */
public final class KeywordUrgencyClassifier implements UrgencyClassifier {

    /** Words that in a clinic or spa mean someone should look now. */
    public static final List<String> DEFAULT_KEYWORDS = List.of("urgent", "asap", "emergency", "reaction", "swelling",
            "swollen", "bleeding", "infection", "allergic");

    private final Pattern pattern;

    /** With {@link #DEFAULT_KEYWORDS}. */
    public KeywordUrgencyClassifier() {
        this(DEFAULT_KEYWORDS);
    }

    public KeywordUrgencyClassifier(List<String> keywords) {
        if (keywords.isEmpty() || keywords.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("keywords must be non-empty words");
        }
        this.pattern = Pattern.compile(keywords.stream()
                .map(k -> Pattern.quote(k.strip().toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("|", "\\b(?:", ")\\b")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public boolean isUrgent(Conversation conversation, Message message) {
        return pattern.matcher(message.body()).find() || message.subject() != null && pattern.matcher(message.subject()).find();
    }
}
