package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.sendgrid.internal.ExtractedReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The public reply-parsing corpora under {@code src/test/resources/corpora/<corpus>/}: one mail per {@code .txt},
 * and in {@code expectations.tsv} the checks the corpus's own tests make on it (see each corpus's README.md).
 */
final class ReplyCorpus {

    static final List<String> CORPORA = List.of("github", "crisp");

    /** One mail and its checks, each {@code {check, value}}. */
    record Case(String corpus, String name, String text, List<String[]> checks) {
        @Override
        public String toString() {
            return corpus + "/" + name;
        }
    }

    private ReplyCorpus() {
    }

    static List<Case> cases(String corpus) {
        Map<String, List<String[]>> checks = new LinkedHashMap<>();
        for (String line : read(corpus + "/expectations.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String value = cols.length > 2 ? cols[2].replace("\\n", "\n") : "";
            checks.computeIfAbsent(cols[0], k -> new ArrayList<>()).add(new String[] {cols[1], value});
        }
        List<Case> cases = new ArrayList<>();
        checks.forEach((name, list) -> cases.add(new Case(corpus, name, read(corpus + "/" + name + ".txt"), list)));
        return cases;
    }

    static List<Case> allCases() {
        List<Case> all = new ArrayList<>();
        CORPORA.forEach(c -> all.addAll(cases(c)));
        return all;
    }

    /** The checks of {@code c} that {@code extractor} fails, empty when it passes. */
    static List<String> failures(Case c, Function<String, ExtractedReply> extractor) {
        long start = System.nanoTime();
        ExtractedReply r = extractor.apply(c.text());
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> failed = new ArrayList<>();
        for (String[] check : c.checks()) {
            String v = check[1];
            boolean ok = switch (check[0]) {
                case "reply_equals" -> r.reply().equals(v.strip());
                case "reply_starts" -> r.reply().startsWith(v);
                case "reply_contains" -> r.reply().contains(v);
                case "quoted_starts" -> r.quoted().startsWith(v);
                case "quoted_contains" -> r.quoted().contains(v);
                case "quoted_empty" -> r.quoted().isBlank();
                case "quoted_present" -> !r.quoted().isBlank();
                case "signature_starts" -> r.signature().startsWith(v);
                case "signature_equals" -> r.signature().equals(v.strip());
                case "signature_empty" -> r.signature().isBlank();
                case "signature_present" -> !r.signature().isBlank();
                case "completes_within_ms" -> millis < Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown check " + check[0] + " in " + c);
            };
            if (!ok) {
                failed.add(check[0] + " " + v.replace("\n", "\\n"));
            }
        }
        return failed;
    }

    private static String read(String path) {
        try (InputStream in = ReplyCorpus.class.getResourceAsStream("/corpora/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
