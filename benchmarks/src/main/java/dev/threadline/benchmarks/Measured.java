package dev.threadline.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * What one side of a comparison did over all its measured rounds.
 *
 * @param roundThroughputs calls per second of each round
 */
record Measured(String label, List<Double> roundThroughputs, Latencies latencies) {

    /** The median round: robust to a round that shared the machine with someone else's build. */
    double throughput() {
        double[] sorted = roundThroughputs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }

    double p50() {
        return latencies.percentileMillis(50);
    }

    double p99() {
        return latencies.percentileMillis(99);
    }

    @Override
    public String toString() {
        return String.format("%s: %.0f/s (rounds %s), p50 %.2f ms, p99 %.2f ms, %d calls", label, throughput(),
                Arrays.toString(roundThroughputs.stream().mapToLong(Math::round).toArray()), p50(), p99(), latencies.count());
    }
}
