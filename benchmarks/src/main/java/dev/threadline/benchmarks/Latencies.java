package dev.threadline.benchmarks;

import java.util.Arrays;

/**
 * Per-call latencies in nanoseconds. A growable array sorted once at the end: the runs record at most a
 * few hundred thousand calls, so exact percentiles cost less than a histogram's setup and need no
 * dependency or precision choice.
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void record(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            record(other.nanos[i]);
        }
    }

    /** Calls {@code action} with every recorded value, in recording order. */
    void each(java.util.function.LongConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(nanos[i]);
        }
    }

    int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 to 100) in milliseconds, nearest rank. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
