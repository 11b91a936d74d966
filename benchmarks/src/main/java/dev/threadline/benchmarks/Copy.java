package dev.threadline.benchmarks;

import java.io.StringReader;
import java.sql.Connection;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** Bulk loading with PostgreSQL's COPY, in chunks so a million rows never sit in memory at once. */
final class Copy {

    private static final int CHUNK = 50_000;

    private Copy() {
    }

    /**
     * Copies {@code rows} CSV lines into {@code table (columns)}; {@code row.apply(i)} renders line {@code i}
     * (with its newline). Empty fields are NULL.
     */
    static void rows(Connection connection, String table, String columns, int rows, IntFunction<String> row) throws Exception {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)";
        for (int start = 0; start < rows; start += CHUNK) {
            StringBuilder csv = new StringBuilder(CHUNK * 128);
            for (int i = start; i < Math.min(rows, start + CHUNK); i++) {
                csv.append(row.apply(i));
            }
            copy.copyIn(sql, new StringReader(csv.toString()));
        }
    }

    /** Quotes a CSV field. */
    static String q(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
