package dev.threadline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredTest {

    @Test
    void throughputIsTheMedianRoundSoOneDisturbedRoundDoesNotDecide() {
        Measured measured = new Measured("side", List.of(900.0, 120.0, 1_000.0), new Latencies());
        assertThat(measured.throughput()).isEqualTo(900.0);
    }
}
