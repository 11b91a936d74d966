package dev.threadline.benchmarks;

/** One timed call of a benchmark side, made by worker {@code thread} (0-based). */
@FunctionalInterface
interface Workload {
    void call(int thread) throws Exception;
}
