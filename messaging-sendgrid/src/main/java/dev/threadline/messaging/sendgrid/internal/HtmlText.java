package dev.threadline.messaging.sendgrid.internal;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Plain text to HTML for our mail's HTML part, and HTML to plain text for inbound mail without a text part. */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "hr");

    /** Where Gmail, Apple Mail and Outlook put the quoted earlier mail. */
    private static final String QUOTE_ELEMENTS = "blockquote, div.gmail_quote, #divRplyFwdMsg, #appendonsend";

    private HtmlText() {
    }

    /** The text, HTML-escaped, with its line breaks kept as {@code <br>}. */
    public static String toHtml(String text) {
        String escaped = Entities.escape(text.replace("\r\n", "\n"));
        return "<div style=\"white-space:pre-wrap\">" + escaped.replace("\n", "<br>\n") + "</div>";
    }

    /**
     * The readable text of an HTML mail: line breaks at {@code <br>} and block ends, no markup, no scripts or
     * styles. The quoted earlier mail that Gmail and Outlook wrap in their own elements is dropped here already,
     * since its text would be hard to tell apart afterwards.
     */
    public static String toText(String html, boolean dropQuoted) {
        Document document = Jsoup.parse(html);
        if (dropQuoted) {
            document.select(QUOTE_ELEMENTS).remove();
        }
        return text(document.body());
    }

    /** The text of the quote elements {@link #toText(String, boolean)} drops, so the quoted mail is kept apart. */
    public static String quotedText(String html) {
        StringBuilder out = new StringBuilder();
        for (Element quote : Jsoup.parse(html).select(QUOTE_ELEMENTS)) {
            if (quote.parents().stream().noneMatch(p -> p.is(QUOTE_ELEMENTS))) {
                out.append(text(quote)).append("\n\n");
            }
        }
        return out.toString().strip();
    }

    private static String text(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element && element.normalName().equals("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
        }, root);
        return out.toString().replaceAll("[ \\t\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
