package dev.threadline.messaging.sendgrid.internal;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The headers of a raw RFC 5322 header block, as Inbound Parse posts it in {@code headers}, threading ones parsed. */
public final class MailHeaders {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final InternetHeaders headers;

    private MailHeaders(InternetHeaders headers) {
        this.headers = headers;
    }

    /**
     * Reads a header block; folded lines are joined and names match case-insensitively.
     *
     * @throws IllegalArgumentException when the block cannot be read as headers
     */
    public static MailHeaders parse(@Nullable String block) {
        if (block == null || block.isBlank()) {
            return new MailHeaders(new InternetHeaders());
        }
        // A blank line ends a header block; make sure there is one, and normalise line ends as mail wants them.
        String normalized = block.strip().replaceAll("\r?\n", "\r\n") + "\r\n\r\n";
        try {
            // UTF-8 header values without encoded words (RFC 6532) stay UTF-8 instead of being read byte by byte.
            byte[] bytes = normalized.getBytes(StandardCharsets.UTF_8);
            return new MailHeaders(new InternetHeaders(new ByteArrayInputStream(bytes), true));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("unreadable header block", e);
        }
    }

    /** Every header by lower-case name, the first value of a repeated one, unfolded. */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Enumeration<Header> e = headers.getAllHeaders(); e.hasMoreElements(); ) {
            Header header = e.nextElement();
            all.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), MimeUtility.unfold(header.getValue()).strip());
        }
        return all;
    }

    /** This mail's own {@code Message-ID}, angle brackets included. */
    public @Nullable String messageId() {
        List<String> ids = ids("Message-ID");
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The ids this mail answers: {@code In-Reply-To} first, then {@code References} newest first, no repeats. */
    public List<String> references() {
        Set<String> refs = new LinkedHashSet<>(ids("In-Reply-To"));
        List<String> references = ids("References");
        for (int i = references.size() - 1; i >= 0; i--) {
            refs.add(references.get(i));
        }
        return List.copyOf(refs);
    }

    private List<String> ids(String name) {
        String value = headers.getHeader(name, " ");
        List<String> ids = new ArrayList<>();
        if (value != null) {
            Matcher matcher = MESSAGE_ID.matcher(value);
            while (matcher.find()) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }
}
