package dev.threadline.messaging.automation.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes RFC 4180 CSV: records end with CRLF; a field containing a comma, a double quote, CR or LF is
 * enclosed in double quotes, with each double quote inside doubled.
 */
public final class CsvWriter {

    private final Appendable out;

    public CsvWriter(Appendable out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes one record. */
    public CsvWriter row(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(escape(fields.get(i)));
            }
            out.append("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field as it appears in the file. */
    public static String escape(String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
