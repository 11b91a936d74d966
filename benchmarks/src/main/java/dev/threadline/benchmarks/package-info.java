/**
 * A measuring harness, not a library: each benchmark runs Threadline and its baseline (raw JDBC or
 * Spring AI's chat memory) side by side on the same PostgreSQL and reports ratios. Start at
 * {@link dev.threadline.benchmarks.BenchmarkMain}.
 */
@NullMarked
package dev.threadline.benchmarks;

import org.jspecify.annotations.NullMarked;
