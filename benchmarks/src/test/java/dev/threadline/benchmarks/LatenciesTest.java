package dev.threadline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static Latencies millis(int... values) {
        Latencies latencies = new Latencies();
        for (int v : values) {
            latencies.record(v * 1_000_000L);
        }
        return latencies;
    }

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        Latencies hundred = new Latencies();
        for (int i = 100; i >= 1; i--) {
            hundred.record(i * 1_000_000L);
        }
        assertThat(hundred.percentileMillis(50)).isEqualTo(50.0);
        assertThat(hundred.percentileMillis(99)).isEqualTo(99.0);
        assertThat(hundred.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void aSingleSlowCallIsThePercentileOfFewSamples() {
        assertThat(millis(1, 1, 1, 40).percentileMillis(99)).isEqualTo(40.0);
    }

    @Test
    void mergingKeepsEverySampleBeyondTheInitialCapacity() {
        Latencies all = new Latencies();
        for (int part = 0; part < 3; part++) {
            Latencies one = new Latencies();
            for (int i = 0; i < 1_000; i++) {
                one.record(1_000_000L);
            }
            all.addAll(one);
        }
        assertThat(all.count()).isEqualTo(3_000);
    }

    @Test
    void noSamplesHaveNoPercentile() {
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }
}
