package dev.threadline.messaging.automation.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.automation.cluster.RunClaims;
import dev.threadline.messaging.testkit.Concurrently;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunClaims} must do. A store's test extends this and returns a store with no claims from
 * {@link #createStore()}; it ships in messaging-automation's test jar (classifier {@code tests}).
 */
public abstract class RunClaimsContract {

    private static final Instant NINE_AM = Instant.parse("2026-11-23T15:00:00Z");

    private RunClaims claims;

    /** A store with no claims, used by one test. */
    protected abstract RunClaims createStore();

    @BeforeEach
    void setUpStore() {
        claims = createStore();
    }

    @Test
    void aRunIsClaimedOnceAndOtherRunsJobsAndTenantsAreTheirOwn() {
        assertThat(claims.claim("spa", "daily-digest", NINE_AM)).isTrue();
        assertThat(claims.claim("spa", "daily-digest", NINE_AM)).isFalse();

        assertThat(claims.claim("spa", "daily-digest", NINE_AM.plusSeconds(86_400))).isTrue();
        assertThat(claims.claim("other", "daily-digest", NINE_AM)).isTrue();
        assertThat(claims.claim("spa", "weekly-report", NINE_AM)).isTrue();
    }

    @Test
    void racingClaimersGetOneWinner() {
        List<Boolean> claimed = Concurrently.run(8, i -> claims.claim("spa", "daily-digest", NINE_AM));

        assertThat(claimed).filteredOn(Boolean::booleanValue).hasSize(1);
    }
}
