package dev.threadline.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the sides of a comparison in interleaved rounds (A, B, A, B, ...) after a warmup of each, so that
 * load from other processes on a shared machine falls on both sides alike.
 */
final class Comparison {

    private Comparison() {
    }

    /** Each side runs on {@code threads} threads for {@code scale.round()} per round, calling as fast as it can. */
    static List<Measured> throughput(Scale scale, int threads, List<Side> sides) throws Exception {
        for (Side side : sides) {
            timed(side.workload(), threads, scale.warmup());
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        for (int round = 0; round < scale.rounds(); round++) {
            for (Side side : sides) {
                Round r = timed(side.workload(), threads, scale.round());
                rates.computeIfAbsent(side.label(), k -> new ArrayList<>()).add(r.perSecond());
                latencies.computeIfAbsent(side.label(), k -> new Latencies()).addAll(r.latencies());
            }
        }
        List<Measured> results = new ArrayList<>();
        for (Side side : sides) {
            results.add(new Measured(side.label(), rates.get(side.label()), latencies.get(side.label())));
        }
        results.forEach(m -> System.out.println("  " + threads + " thread(s) " + m));
        return results;
    }

    /**
     * Single caller; each side warms up for {@code scale.warmup()}, then each round runs at least
     * {@code scale.latencySamples()} calls and at least {@code scale.latencyRound()}.
     */
    static List<Measured> latency(Scale scale, List<Side> sides) throws Exception {
        for (Side side : sides) {
            counted(side, 1, scale.warmup());
        }
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        for (int round = 0; round < scale.rounds() * 2; round++) {
            for (Side side : sides) {
                Round r = counted(side, scale.latencySamples(), scale.latencyRound());
                rates.computeIfAbsent(side.label(), k -> new ArrayList<>()).add(r.perSecond());
                latencies.computeIfAbsent(side.label(), k -> new Latencies()).addAll(r.latencies());
            }
        }
        List<Measured> results = new ArrayList<>();
        for (Side side : sides) {
            results.add(new Measured(side.label(), rates.get(side.label()), latencies.get(side.label())));
        }
        results.forEach(m -> System.out.println("  " + m));
        return results;
    }

    private record Round(long calls, long nanos, Latencies latencies) {
        double perSecond() {
            return calls * 1e9 / nanos;
        }
    }

    private static Round counted(Side side, int minCalls, Duration minDuration) throws Exception {
        Latencies latencies = new Latencies();
        long timed = 0;
        long end = System.nanoTime() + minDuration.toNanos();
        while (latencies.count() < minCalls || System.nanoTime() < end) {
            long t0 = System.nanoTime();
            side.workload().call(0);
            long took = System.nanoTime() - t0;
            latencies.record(took);
            timed += took;
            if (side.untimedAfter() != null) {
                side.untimedAfter().call(0);
            }
        }
        return new Round(latencies.count(), timed, latencies);
    }

    private static Round timed(Workload workload, int threads, Duration duration) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        List<Latencies> perThread = new ArrayList<>();
        long[] deadline = new long[1];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Latencies mine = new Latencies();
            perThread.add(mine);
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    while (System.nanoTime() < deadline[0] && failure.get() == null) {
                        long t0 = System.nanoTime();
                        workload.call(thread);
                        mine.record(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        long begin = System.nanoTime();
        deadline[0] = begin + duration.toNanos();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - begin;
        if (failure.get() != null) {
            throw failure.get();
        }
        Latencies all = new Latencies();
        perThread.forEach(all::addAll);
        return new Round(all.count(), elapsed, all);
    }
}
