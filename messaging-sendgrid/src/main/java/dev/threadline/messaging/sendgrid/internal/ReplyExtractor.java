package dev.threadline.messaging.sendgrid.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes an inbound mail's plain text apart into the customer's visible reply, the quoted earlier mail and the
 * signature, the way a good mail client folds them away.
 *
 * <ul>
 *   <li>An Outlook/Exchange header block, an "-----Original Message-----" or a forward separator (in any language of
 *       {@link QuoteHeaders}) starts the earlier mail: it and everything below are quoted. The customer's note above
 *       a forward stays the reply.</li>
 *   <li>An "On … wrote:" line followed by {@code >}-quoted lines only introduces a quote: the customer may answer
 *       between the quotes (bottom-posting, inline answers), so lines after the quote that are not {@code >}-quoted
 *       stay part of the reply. Followed by unquoted text, it starts the earlier mail like an Outlook block.</li>
 *   <li>Every {@code >}-quoted line is quoted, and so is a line a client wrapped out of it; the blank lines right
 *       after a quote go with it, so folding it leaves no gap.</li>
 *   <li>A header glued to the end of a reply line ("… bla--- On … wrote:") is first put on a line of its own.</li>
 *   <li>In what is left, a {@code -- } delimiter or a mobile "Sent from my …" line starts the signature.</li>
 * </ul>
 *
 * <p>CRLF and CR line ends are read as LF; the parts are returned with LF line ends and stripped, and the reply's
 * lines without trailing blanks (invisible, but they would make equal replies differ). The signature keeps them, as
 * its {@code "-- "} delimiter has one.
 */
public final class ReplyExtractor {

    /**
     * Clients wrap at 72 to 78 columns; a line that was wrapped keeps most of that width (a long word moved to the
     * next line leaves it shorter), so a shorter quoted line than this was not wrapped.
     */
    private static final int WRAP_LENGTH = 50;

    private ReplyExtractor() {
    }

    /** The parts of {@code text}; all three blank for a blank text. */
    public static ExtractedReply extract(String text) {
        List<String> lines = lines(text);
        List<String> reply = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        int i = 0;
        boolean inHeaderQuote = false;
        // The blank lines around a quote that is folded away would leave a gap in the reply.
        boolean afterQuote = false;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (isQuoted(line)) {
                quoted.add(line);
                i++;
                afterQuote = true;
                // Clients wrap quoted lines without re-adding "> ": a line right under a long quoted line after an
                // "On … wrote:" header continues it, and so does one with quoted lines right under it (a link broken
                // out of the quote). The customer's inline answers stand apart by a blank line, or follow a short
                // quoted line that nothing wrapped and end the quote.
                while (inHeaderQuote && i < lines.size() && !lines.get(i).isBlank() && !isQuoted(lines.get(i))
                        && (wrapped(lines.get(i - 1)) || quotedRightUnder(lines, i)) && QuoteHeaders.at(lines, i) == null) {
                    quoted.add(lines.get(i));
                    i++;
                }
                continue;
            }
            QuoteHeaders.Header header = QuoteHeaders.at(lines, i);
            if (header == null) {
                if (!(afterQuote && line.isBlank())) {
                    reply.add(line);
                    afterQuote = false;
                }
                i++;
            } else if (header.kind() == QuoteHeaders.Kind.ON_WROTE && onlyQuotedFollows(lines, i + header.lines())) {
                quoted.addAll(lines.subList(i, i + header.lines()));
                i += header.lines();
                inHeaderQuote = true;
                afterQuote = true;
            } else {
                if (header.kind() == QuoteHeaders.Kind.WHOLE_MAIL) {
                    // Some clients put a rule or a "Message du : …" line above the header block.
                    while (!reply.isEmpty() && (reply.get(reply.size() - 1).isBlank()
                            || QuoteHeaders.headerPreamble(reply.get(reply.size() - 1)))) {
                        quoted.add(0, reply.remove(reply.size() - 1));
                    }
                }
                quoted.addAll(lines.subList(i, lines.size()));
                break;
            }
        }
        int signature = Signatures.start(reply);
        List<String> visible = reply.subList(0, signature).stream().map(String::stripTrailing).toList();
        return new ExtractedReply(join(visible), join(quoted),
                join(reply.subList(signature, reply.size())));
    }

    /**
     * The text's lines with LF line ends; a quote header glued to the end of a reply line ("bla--- On … wrote:")
     * goes onto a line of its own.
     */
    private static List<String> lines(String text) {
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            int glued = QuoteHeaders.gluedHeaderStart(line, i + 1 < raw.length && isQuoted(raw[i + 1]));
            if (glued > 0) {
                lines.add(line.substring(0, glued).stripTrailing());
                lines.add(line.substring(glued));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Whether the unquoted lines from {@code from} on are followed right away, without a blank line, by a quoted one. */
    private static boolean quotedRightUnder(List<String> lines, int from) {
        int j = from;
        while (j < lines.size() && !lines.get(j).isBlank() && !isQuoted(lines.get(j))) {
            j++;
        }
        return j < lines.size() && isQuoted(lines.get(j));
    }

    /** Whether a line is long enough that a client may have wrapped what followed it onto the next line. */
    private static boolean wrapped(String line) {
        return line.strip().length() >= WRAP_LENGTH;
    }

    /** Whether a line is {@code >}-quoted; "&gt;&gt;&gt; link &lt;&lt;&lt;" arrows around a link are decoration. */
    private static boolean isQuoted(String line) {
        String s = line.strip();
        return s.startsWith(">") && !s.endsWith("<<<");
    }

    /** Whether the next non-blank line after a header is {@code >}-quoted, i.e. the header only introduces it. */
    private static boolean onlyQuotedFollows(List<String> lines, int from) {
        for (int j = from; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return isQuoted(lines.get(j));
            }
        }
        return true;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines).strip();
    }
}
