package dev.threadline.benchmarks;

import java.util.List;
import java.util.Locale;

/** A small grouped bar chart as SVG text: one group per size, one bar per series, the value written above each bar. */
final class BarChart {

    record Series(String label, String color, double[] values) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    private static final int LEFT = 50;
    private static final int BOTTOM = 50;
    private static final int TOP = 50;

    private BarChart() {
    }

    static String of(String title, int[] sizes, List<Series> series) {
        double max = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).max().orElse(1) * 1.15;
        int plotWidth = WIDTH - LEFT - 20;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double group = (double) plotWidth / sizes.length;
        double bar = group * 0.7 / series.size();
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                        + "<title>%s</title>%n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n"
                        + "<text x=\"%d\" y=\"22\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT, escape(title), LEFT, escape(title)));
        int baseline = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d1d5db\"/>%n", LEFT, baseline, WIDTH - 20, baseline));
        for (int g = 0; g < sizes.length; g++) {
            double x0 = LEFT + g * group + group * 0.15;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values()[g];
                double h = value / max * plotHeight;
                double x = x0 + s * bar;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        x, baseline - h, bar - 4, h, series.get(s).color()));
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.2f</text>%n",
                        x + (bar - 4) / 2, baseline - h - 4, value));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n",
                    LEFT + g * group + group / 2, baseline + 18, sizes[g]));
        }
        double legendX = LEFT;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%s</text>%n", legendX, HEIGHT - 20, s.color(), legendX + 16, HEIGHT - 10, escape(s.label())));
            legendX += 30 + s.label().length() * 7;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
