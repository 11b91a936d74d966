package dev.threadline.messaging.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {

    @Test
    void idsFromAStoppedClockStillSortInCreationOrder() {
        TimeOrderedIdGenerator ids = new TimeOrderedIdGenerator(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            created.add(ids.newId());
        }

        assertThat(created).isSorted();
        assertThat(new HashSet<>(created)).hasSize(created.size());
    }

    @Test
    void idsAreVersion7Uuids() {
        UUID id = UUID.fromString(new TimeOrderedIdGenerator().newId());

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }
}
