package dev.threadline.messaging.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.threadline.messaging.Conversation;
import dev.threadline.messaging.Message;
import dev.threadline.messaging.Satisfaction;
import dev.threadline.messaging.Sentiment;
import dev.threadline.messaging.offline.HeuristicSatisfactionScorer;
import dev.threadline.messaging.openai.internal.ChatCompletionsClient;
import dev.threadline.messaging.openai.internal.StructuredOutput;
import dev.threadline.messaging.openai.internal.Transcript;
import dev.threadline.messaging.spi.SatisfactionScorer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores customer satisfaction with a chat model using structured output: a score from 1 to 5, the
 * sentiment, an outcome label and a one-line reason. Works for any number of messages on any channel.
 *
 * <p>The model's answer is checked, not trusted: the score is clamped to 1–5 and rounded to one decimal,
 * an unknown sentiment follows from the score, the outcome becomes a short snake_case label and the reason
 * one line. An answer without a usable score, or a conversation with nothing exchanged yet, is scored by
 * {@link HeuristicSatisfactionScorer}. Provider failures are thrown as by {@link OpenAiResponder}.
 */
public final class OpenAiSatisfactionScorer implements SatisfactionScorer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenAiSatisfactionScorer.class);
    private static final int MAX_OUTCOME = 40;
    private static final int MAX_REASON = 200;

    static final String INSTRUCTIONS = "You judge how satisfied a business's customer is with a conversation. "
            + "Read the whole conversation (it may be a single message) and answer with: score, a number from 1 "
            + "(very dissatisfied) to 5 (very satisfied); sentiment, the customer's overall sentiment: positive, "
            + "neutral or negative; outcome, a short lower-case snake_case label of how it ended, such as booked, "
            + "question_answered, escalated, cancelled or unresolved; reason, one sentence explaining the score.";
    static final String SCHEMA = """
            {"type":"object","properties":{
              "score":{"type":"number","description":"1 (very dissatisfied) to 5 (very satisfied)"},
              "sentiment":{"type":"string","enum":["positive","neutral","negative"]},
              "outcome":{"type":"string","description":"short snake_case label, e.g. booked, question_answered, escalated, unresolved"},
              "reason":{"type":"string","description":"one sentence"}},
             "required":["score","sentiment","outcome","reason"],"additionalProperties":false}""";

    private final ChatCompletionsClient client;
    private final StructuredOutput output;
    private final HeuristicSatisfactionScorer fallback = new HeuristicSatisfactionScorer();

    /** A scorer for {@code settings}, reading {@code Retry-After} dates against the system clock. */
    public OpenAiSatisfactionScorer(OpenAiSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A scorer for {@code settings}; {@code clock} turns the provider's {@code Retry-After} dates into waits. */
    public OpenAiSatisfactionScorer(OpenAiSettings settings, Clock clock) {
        this.client = new ChatCompletionsClient(settings, clock);
        this.output = new StructuredOutput(client);
    }

    @Override
    public Satisfaction score(Conversation conversation, List<Message> messages) {
        if (Transcript.exchanged(messages).isEmpty()) {
            return fallback.score(conversation, messages);
        }
        Optional<Satisfaction> judged = output.ask(INSTRUCTIONS, Transcript.of(conversation, messages), "satisfaction", SCHEMA)
                .flatMap(OpenAiSatisfactionScorer::validated);
        if (judged.isEmpty()) {
            log.debug("Unusable satisfaction answer for conversation {}; scoring heuristically", conversation.id());
            return fallback.score(conversation, messages);
        }
        return judged.get();
    }

    /** The model's answer made safe, or empty when it has no numeric score. */
    static Optional<Satisfaction> validated(JsonNode answer) {
        OptionalDouble raw = number(answer.path("score"));
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        double score = Math.round(Math.max(1.0, Math.min(5.0, raw.getAsDouble())) * 10) / 10.0;
        String sentimentText = answer.path("sentiment").asText("").strip().toLowerCase(Locale.ROOT);
        Sentiment sentiment = List.of("positive", "neutral", "negative").contains(sentimentText)
                ? Sentiment.fromWire(sentimentText, "sentiment")
                : score >= 3.5 ? Sentiment.POSITIVE : score <= 2.5 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        String outcome = answer.path("outcome").asText("").strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        outcome = outcome.isEmpty() ? "unresolved" : cut(outcome, MAX_OUTCOME).replaceAll("_+$", "");
        String reason = answer.path("reason").asText("").replaceAll("\\s+", " ").strip();
        reason = reason.isEmpty() ? "no reason given" : cut(reason, MAX_REASON);
        return Optional.of(new Satisfaction(score, sentiment, outcome, reason));
    }

    private static OptionalDouble number(JsonNode node) {
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            try {
                value = Double.parseDouble(node.asText().strip());
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        } else {
            return OptionalDouble.empty();
        }
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Releases the HTTP client's connections and threads. */
    @Override
    public void close() {
        client.close();
    }
}
