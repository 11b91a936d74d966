package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.threadline.messaging.sendgrid.internal.ReplyExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link ReplyExtractor}, through the same reading of MIME, text and HTML as inbound mail, on the public
 * corpora under {@code src/test/resources/corpora}. The pass rate per corpus may not fall below the one the module
 * README reports, so a regression fails the build.
 */
class ReplyCorporaTest {

    /** The pass rates the module README reports. */
    private static final Map<String, Double> REPORTED_RATE = Map.of("github", 20 / 22.0, "crisp", 72 / 72.0, "talon", 71 / 74.0);

    /**
     * Cases left failing, with the reason (also in the README). github's parser takes a last line "-Name" for a
     * signature, while crisp's tests expect the same "-Abhishek Kona" line in the visible text of the same mail:
     * the corpora contradict each other, and we keep the customer's words visible. talon's HTML cut removes the
     * whole element holding the rule above a quoted header block, the sender's closing "Bob" with it; we keep it.
     * talon keeps a forwarded mail in the reply, crisp's own fixture says forwarded content is quoted text: we keep
     * the forward apart, losing nothing. Polymail's header torn over five lines, one blank and one starting with
     * "&gt;", is not recognised.
     */
    private static final Map<String, String> KNOWN_FAILING = Map.of(
            "github/email_1_1", "\"-Name\" as signature contradicts crisp/email_1",
            "github/email_1_3", "\"-Name\" as signature contradicts crisp/email_3",
            "talon/reply-separated-by-hr.html", "talon drops the customer's \"Bob\" above the rule with the rule's element",
            "talon/text_pattern_on_date_polymail", "Polymail's header is torn over five lines, its last one \"> wrote:\"",
            "talon/text_dont_parse_quotations_for_forwarded_messages",
            "talon keeps a forwarded mail in the reply; we keep it apart, as crisp/email_tricky_17 expects");

    static Stream<ReplyCorpus.Case> cases() {
        return ReplyCorpus.allCases().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsWhatTheCorpusExpects(ReplyCorpus.Case c) {
        assumeFalse(KNOWN_FAILING.containsKey(c.toString()), () -> "known failing: " + KNOWN_FAILING.get(c.toString()));

        assertThat(ReplyCorpus.failures(c)).as(c.toString()).isEmpty();
    }

    @Test
    void passRatePerCorpusIsAtLeastTheReportedOne() {
        List<String> report = new ArrayList<>();
        for (String corpus : ReplyCorpus.CORPORA) {
            List<ReplyCorpus.Case> cases = ReplyCorpus.cases(corpus);
            List<String> failing = cases.stream()
                    .filter(c -> !ReplyCorpus.failures(c).isEmpty())
                    .map(ReplyCorpus.Case::toString)
                    .toList();
            double rate = (cases.size() - failing.size()) / (double) cases.size();
            report.add(String.format("%s: %d/%d passed, failing %s", corpus, cases.size() - failing.size(),
                    cases.size(), failing));
            assertThat(rate).as(corpus + " pass rate; failing: " + failing)
                    .isGreaterThanOrEqualTo(REPORTED_RATE.get(corpus) - 1e-9);
        }
        System.out.println(String.join("\n", report));
    }
}
