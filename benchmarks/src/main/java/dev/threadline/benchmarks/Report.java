package dev.threadline.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The results table and the notes under it, written as markdown. */
final class Report {

    /** One row: a figure, our number, the baseline's, their ratio and whether the target holds. */
    record Row(String figure, String ours, String baseline, String ratio, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void row(String figure, String ours, String baseline, double ratio, String target, boolean met) {
        rows.add(new Row(figure, ours, baseline, String.format("%.2f×", ratio), target, met ? "yes" : "**no**"));
        System.out.printf("  => %s: ours %s, baseline %s, ratio %.2f×, target %s: %s%n", figure, ours, baseline, ratio, target,
                met ? "met" : "MISSED");
    }

    void info(String figure, String ours, String baseline, String ratio) {
        rows.add(new Row(figure, ours, baseline, ratio, "—", "—"));
        System.out.printf("  => %s: ours %s, baseline %s, %s%n", figure, ours, baseline, ratio);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    static String perSecond(double value) {
        return String.format("%,.0f/s", value);
    }

    static String millis(double value) {
        return value < 1 ? String.format("%.3f ms", value) : String.format("%.2f ms", value);
    }

    void write(Path file, String header) throws IOException {
        StringBuilder md = new StringBuilder(header).append("\n\n");
        md.append("| figure | ours | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", r.figure(), r.ours(), r.baseline(), r.ratio(), r.target(), r.met())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes from the run:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md.toString());
        System.out.println("Wrote " + file.toAbsolutePath());
    }
}
