package dev.threadline.messaging.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.sendgrid.internal.ExtractedReply;
import dev.threadline.messaging.sendgrid.internal.QuotedTextTrimmer;
import dev.threadline.messaging.sendgrid.internal.ReplyExtractor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The pass rate per corpus, which must not fall below the rate the module README reports. */
class ReplyCorporaTest {

    private static final Map<String, Double> REPORTED_RATE = Map.of("github", 0.0, "crisp", 0.0);

    @Test
    void measure() {
        report("old", t -> new ExtractedReply(QuotedTextTrimmer.trim(t), "", ""));
        report("new", ReplyExtractor::extract);
    }

    private static void report(String label, Function<String, ExtractedReply> f) {
        for (String corpus : ReplyCorpus.CORPORA) {
            List<ReplyCorpus.Case> cases = ReplyCorpus.cases(corpus);
            int passed = 0;
            for (ReplyCorpus.Case c : cases) {
                List<String> failed = ReplyCorpus.failures(c, f);
                if (failed.isEmpty()) {
                    passed++;
                } else {
                    System.out.println(label + " FAIL " + c + " " + failed);
                }
            }
            System.out.printf("%s %s: %d/%d%n", label, corpus, passed, cases.size());
        }
    }
}
