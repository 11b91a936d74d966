package dev.threadline.messaging.sendgrid;

import dev.threadline.messaging.sendgrid.internal.ExtractedReply;
import dev.threadline.messaging.sendgrid.internal.MailBody;
import dev.threadline.messaging.sendgrid.internal.MimeMail;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The public reply-parsing corpora under {@code src/test/resources/corpora/<corpus>/}: one mail per file (a mail's
 * text as {@code <name>.txt}, a whole MIME mail as {@code <name>.eml}, an HTML body as {@code <name>.html}), and in
 * {@code expectations.tsv} the checks the corpus's own tests make on it (see each corpus's README.md). A case
 * named without extension is a {@code .txt}. Every mail is read the way an inbound mail is: {@code .eml} through
 * {@link MimeMail}, and text or HTML through {@link MailBody}.
 */
final class ReplyCorpus {

    static final List<String> CORPORA = List.of("github", "crisp", "talon");

    /** One mail's text and HTML parts (either may be null) and its checks, each {@code {check, value}}. */
    record Case(String corpus, String name, @Nullable String text, @Nullable String html, List<String[]> checks) {
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
        checks.forEach((name, list) -> cases.add(mail(corpus, name, list)));
        return cases;
    }

    static List<Case> allCases() {
        List<Case> all = new ArrayList<>();
        CORPORA.forEach(c -> all.addAll(cases(c)));
        return all;
    }

    private static Case mail(String corpus, String name, List<String[]> checks) {
        String path = corpus + "/" + name;
        if (name.endsWith(".eml")) {
            MimeMail mail = MimeMail.read(bytes(path));
            return new Case(corpus, name, mail.text(), mail.html(), checks);
        }
        if (name.endsWith(".html")) {
            return new Case(corpus, name, null, read(path), checks);
        }
        return new Case(corpus, name, read(path + ".txt"), null, checks);
    }

    /** The checks of {@code c} that the inbound reading of its mail fails, empty when it passes. */
    static List<String> failures(Case c) {
        long start = System.nanoTime();
        ExtractedReply r = MailBody.extract(c.text(), c.html());
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
                case "unquoted_equals" -> trailingBlanksOff(unquoted(r)).equals(trailingBlanksOff(v.strip()));
                case "unquoted_equals_ignoring_whitespace" -> noWhitespace(unquoted(r)).equals(noWhitespace(v));
                case "completes_within_ms" -> millis < Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown check " + check[0] + " in " + c);
            };
            if (!ok) {
                failed.add(check[0] + " " + v.replace("\n", "\\n"));
            }
        }
        return failed;
    }

    /**
     * What is left of the mail once the quote is taken off, reply and signature together, as corpora that keep the
     * signature in the reply (talon's {@code extract_from_plain}) compare it.
     */
    private static String unquoted(ExtractedReply r) {
        return r.signature().isBlank() ? r.reply() : (r.reply() + "\n\n" + r.signature()).strip();
    }

    private static String trailingBlanksOff(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    private static String noWhitespace(String text) {
        return text.replaceAll("\\s", "");
    }

    private static String read(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = ReplyCorpus.class.getResourceAsStream("/corpora/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
