package dev.threadline.messaging.sendgrid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted earlier mail from a reply's plain text: everything from the first quote header on (Gmail's and
 * Apple Mail's "On … wrote:", possibly wrapped over two lines; Outlook's "-----Original Message-----" or its
 * "From: … Sent: …" block, with the underscore rule above it), and every remaining {@code >}-quoted line, which
 * keeps the customer's own words between quotes of an inline answer.
 */
public final class QuotedTextTrimmer {

    private static final Pattern ON_WROTE = Pattern.compile("^On\\s.+\\swrote:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("^-{2,}\\s*Original Message\\s*-{2,}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^_{10,}$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?From:\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\*?(Sent|Date):\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final int OUTLOOK_HEADER_SPAN = 3;

    private QuotedTextTrimmer() {
    }

    /** The reply without the quoted mail; blank when the text held nothing else. */
    public static String trim(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int end = quoteStart(lines);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            if (!lines[i].stripLeading().startsWith(">")) {
                kept.add(lines[i]);
            }
        }
        return String.join("\n", kept).strip();
    }

    private static int quoteStart(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (ON_WROTE.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()
                    || wrappedOnWrote(lines, i) || outlookHeader(lines, i)
                    || OUTLOOK_RULE.matcher(line).matches() && outlookHeader(lines, nextNonBlank(lines, i + 1))) {
                return i;
            }
        }
        return lines.length;
    }

    private static boolean wrappedOnWrote(String[] lines, int i) {
        return i + 1 < lines.length && lines[i].strip().startsWith("On ")
                && ON_WROTE.matcher(lines[i].strip() + " " + lines[i + 1].strip()).matches();
    }

    private static boolean outlookHeader(String[] lines, int i) {
        if (i >= lines.length || !OUTLOOK_FROM.matcher(lines[i].strip()).matches()) {
            return false;
        }
        for (int j = i + 1; j < Math.min(lines.length, i + 1 + OUTLOOK_HEADER_SPAN); j++) {
            if (OUTLOOK_SENT.matcher(lines[j].strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static int nextNonBlank(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }
}
