package dev.threadline.messaging.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.offline.HeuristicSummarizer;
import dev.threadline.messaging.openai.internal.ChatCompletionsClient;
import dev.threadline.messaging.openai.internal.StructuredOutput;
import dev.threadline.messaging.openai.internal.Transcript;
import dev.threadline.messaging.spi.ConversationSummarizer;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headlines and suggested staff replies from a chat model with structured output.
 *
 * <p>The headline says what the customer wants ("Wants to book a facial on Friday"), never a greeting: the
 * prompt asks for that, and an answer that is still a bare greeting, empty or unusable is replaced by
 * {@link HeuristicSummarizer}'s headline. Suggestions are one to three distinct replies; when the model
 * gives none, the heuristic ones are used. Provider failures are thrown as by {@link OpenAiResponder}.
 */
public final class OpenAiSummarizer implements ConversationSummarizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenAiSummarizer.class);
    private static final int MAX_HEADLINE = 80;
    private static final int MAX_SUGGESTIONS = 3;
    private static final Pattern BARE_GREETING = Pattern.compile(
            "^(?:(?:the )?customer (?:says|said|sends|sent|writes|wrote) )?(?:a )?(?:hi|hello|hey|hiya|howdy|greetings?|good (?:morning|afternoon|evening)|yo|"
                    + "thanks|thank you)(?: there| all| team| everyone| from (?:the )?customer)?$|^(?:the )?customer (?:greets|greeted|says hello|said hello)\\b.*$|^(?:a )?greeting\\b.*$",
            Pattern.CASE_INSENSITIVE);

    static final String HEADLINE_INSTRUCTIONS = "You write the headline staff see in a list of customer conversations. "
            + "In at most 10 words, state what the customer wants or asks, starting with a verb such as Wants, Asks, "
            + "Needs or Reports (for example: Wants to book a facial on Friday). Never answer with a greeting, the "
            + "customer's name alone or a description of small talk; if the customer has only greeted so far, say "
            + "what they seem to be contacting the business about, or \"Opened a conversation\".";
    static final String HEADLINE_SCHEMA = """
            {"type":"object","properties":{"headline":{"type":"string","description":"what the customer wants, at most 10 words"}},
             "required":["headline"],"additionalProperties":false}""";
    static final String SUGGESTIONS_INSTRUCTIONS = "You help a business's staff answer a customer. Suggest one to three "
            + "different replies staff could send next, each ready to send as is on the conversation's channel, "
            + "short, friendly and specific to what the customer asked. Do not promise anything the conversation "
            + "does not support.";
    static final String SUGGESTIONS_SCHEMA = """
            {"type":"object","properties":{"suggestions":{"type":"array","items":{"type":"string"},"description":"one to three replies"}},
             "required":["suggestions"],"additionalProperties":false}""";

    private final ChatCompletionsClient client;
    private final StructuredOutput output;
    private final HeuristicSummarizer fallback = new HeuristicSummarizer();

    /** A summarizer for {@code settings}, reading {@code Retry-After} dates against the system clock. */
    public OpenAiSummarizer(OpenAiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A summarizer for {@code settings}; {@code clock} turns the provider's {@code Retry-After} dates into waits. */
    public OpenAiSummarizer(OpenAiSettings settings, Clock clock) {
        this.client = new ChatCompletionsClient(settings, clock);
        this.output = new StructuredOutput(client);
    }

    @Override
    public String headline(Conversation conversation, List<Message> messages) {
        String headline = output.ask(HEADLINE_INSTRUCTIONS, Transcript.of(conversation, messages), "headline", HEADLINE_SCHEMA)
                .map(answer -> answer.path("headline").asText(""))
                .map(OpenAiSummarizer::tidy)
                .orElse("");
        if (headline.isEmpty() || isBareGreeting(headline)) {
            log.debug("Model headline for conversation {} was empty or a greeting; using the heuristic one", conversation.id());
            return fallback.headline(conversation, messages);
        }
        return headline.length() <= MAX_HEADLINE ? headline : headline.substring(0, MAX_HEADLINE - 1).strip() + "…";
    }

    @Override
    public List<String> suggestReplies(Conversation conversation, List<Message> messages) {
        JsonNode list = output.ask(SUGGESTIONS_INSTRUCTIONS, Transcript.of(conversation, messages), "suggested_replies", SUGGESTIONS_SCHEMA)
                .map(answer -> answer.path("suggestions"))
                .orElse(null);
        Set<String> suggestions = new LinkedHashSet<>();
        if (list != null && list.isArray()) {
            for (JsonNode item : list) {
                String text = item.isTextual() ? item.asText().strip() : "";
                if (!text.isEmpty() && suggestions.size() < MAX_SUGGESTIONS) {
                    suggestions.add(text);
                }
            }
        }
        if (suggestions.isEmpty()) {
            log.debug("Model gave no suggestions for conversation {}; using the heuristic ones", conversation.id());
            return fallback.suggestReplies(conversation, messages);
        }
        return List.copyOf(suggestions);
    }

    /** Whether a headline only says that someone greeted ("Hi there!", "Customer says hello"). */
    static boolean isBareGreeting(String headline) {
        String words = headline.replaceAll("[\\p{Punct}\\p{So}\\p{Sk}]+", " ").replaceAll("\\s+", " ").strip();
        return words.isEmpty() || BARE_GREETING.matcher(words).matches();
    }

    private static String tidy(String headline) {
        return headline.replaceAll("\\s+", " ").strip().replaceAll("^[\"']|[\"']$", "").strip();
    }

    /** Releases the HTTP client's connections and threads. */
    @Override
    public void close() {
        client.close();
    }
}
