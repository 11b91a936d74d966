package dev.threadline.benchmarks;

import java.time.Duration;

/**
 * How big a run is. {@code full} is what the results table reports; {@code quick} checks the harness in
 * a minute or two and proves nothing about speed.
 *
 * @param listConversations conversations seeded for the list benchmark (ten messages each)
 * @param outboxMessages queued messages each side of the outbox benchmark drains
 * @param round how long one measured round of a throughput comparison runs
 * @param rounds measured rounds per side, interleaved with the other side's
 * @param latencySamples the fewest timed calls per side and round in the latency comparisons
 * @param latencyRound the shortest time per side and round in the latency comparisons: a fast call gets
 *     thousands of samples, so its p99 is not decided by the six slowest of a few hundred
 */
record Scale(String name, int listConversations, int outboxMessages, Duration round, int rounds, int latencySamples,
             Duration latencyRound) {

    static final int MESSAGES_PER_LISTED_CONVERSATION = 10;

    static Scale of(String name) {
        return switch (name) {
            case "full" -> new Scale(name, 100_000, 200_000, Duration.ofSeconds(10), 3, 100, Duration.ofSeconds(2));
            case "quick" -> new Scale(name, 10_000, 10_000, Duration.ofSeconds(2), 2, 50, Duration.ofMillis(200));
            default -> throw new IllegalArgumentException("scale must be full or quick: " + name);
        };
    }

    int listMessages() {
        return listConversations * MESSAGES_PER_LISTED_CONVERSATION;
    }

    /**
     * How long each side runs before it is measured: long enough for the JIT to compile the library's
     * deeper call paths (with a hundred warmup calls, compilation still ran during the list's measured
     * rounds and set its p99).
     */
    Duration warmup() {
        return round;
    }
}
