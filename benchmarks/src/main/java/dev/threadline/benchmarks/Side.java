package dev.threadline.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One side of a comparison: a label for the table, the call it times, and optionally an untimed step
 * after each call (to keep a fixture the same size between calls).
 */
record Side(String label, Workload workload, @Nullable Workload untimedAfter) {

    Side(String label, Workload workload) {
        this(label, workload, null);
    }
}
