package dev.threadline.messaging.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.threadline.messaging.intake.IntakeEntry;
import dev.threadline.messaging.intake.IntakeRequest;
import dev.threadline.messaging.intake.IntakeStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IntakeStore} must do: keep what it accepted until it is processed, lease each request to
 * one worker at a time, retry and park failures, and replay dead letters. Extend it and return a fresh,
 * empty store from {@link #createStore}; the in-memory, H2 and PostgreSQL stores all run it.
 */
public abstract class IntakeStoreContract {

    protected static final String TENANT = "acme";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);

    protected IntakeStore store;
    private int sequence;

    /** A new intake store with nothing in it; called before every test. */
    protected abstract IntakeStore createStore();

    @BeforeEach
    void createEmptyStore() {
        store = createStore();
    }

    private IntakeRequest accepted(String tenant, Instant at) {
        IntakeRequest request = new IntakeRequest(tenant, String.format("req-%04d", ++sequence), "twilio.sms",
                Map.of("MessageSid", "SM" + sequence, "Body", "Hi ✓ ünïcode \uD83D\uDE00"), at);
        store.accept(request);
        return request;
    }

    private List<IntakeEntry> claim(String worker, Instant now) {
        return store.claimDue(now, 10, worker, now.plus(LEASE));
    }

    @Test
    void anAcceptedRequestComesBackWhole() {
        IntakeRequest request = accepted(TENANT, T0);

        assertThat(claim("w1", T0)).singleElement().satisfies(e -> {
            assertThat(e.request()).isEqualTo(request);
            assertThat(e.attempts()).isZero();
            assertThat(e.workerId()).isEqualTo("w1");
        });
    }

    @Test
    void aLargeRequestIsKeptWhole() {
        String mail = "x".repeat(3_000_000);
        IntakeRequest request = new IntakeRequest(TENANT, "big", "sendgrid.inbound", Map.of("text", mail), T0);
        store.accept(request);

        assertThat(claim("w1", T0)).singleElement().satisfies(e -> assertThat(e.request().fields().get("text")).hasSize(3_000_000));
    }

    @Test
    void aClaimedRequestIsNotClaimedAgainWhileItsLeaseRuns() {
        accepted(TENANT, T0);
        claim("w1", T0);

        assertThat(claim("w2", T0.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(claim("w2", T0.plus(LEASE).plusSeconds(1))).as("after the lease ran out").hasSize(1);
    }

    @Test
    void completingRemovesTheRequestButOnlyForTheWorkerHoldingIt() {
        accepted(TENANT, T0);
        IntakeEntry lost = claim("w1", T0).get(0);
        Instant later = T0.plus(LEASE).plusSeconds(1);
        IntakeEntry held = claim("w2", later).get(0);

        store.complete(lost);
        store.retryLater(held, later, "still here");
        assertThat(claim("w3", later)).as("w1 no longer held it, so it stayed").singleElement()
                .satisfies(e -> assertThat(e.lastError()).isEqualTo("still here"));

        store.complete(claim("w4", later.plus(LEASE).plusSeconds(1)).get(0));
        assertThat(claim("w5", later.plus(LEASE.multipliedBy(3)))).isEmpty();
    }

    @Test
    void aFailedAttemptIsRetriedWhenDueWithItsErrorCounted() {
        accepted(TENANT, T0);
        IntakeEntry first = claim("w1", T0).get(0);

        store.retryLater(first, T0.plusSeconds(30), "database busy");

        assertThat(claim("w1", T0.plusSeconds(29))).isEmpty();
        assertThat(claim("w1", T0.plusSeconds(30))).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isEqualTo("database busy");
        });
    }

    @Test
    void aDeadLetterIsListedPerTenantAndReplayed() {
        IntakeRequest request = accepted(TENANT, T0);
        IntakeEntry entry = claim("w1", T0).get(0);

        store.deadLetter(entry, "unparseable: no MessageSid");

        assertThat(claim("w2", T0.plus(Duration.ofHours(1)))).as("a dead letter is not claimed").isEmpty();
        assertThat(store.deadLetters(TENANT, 10)).singleElement().satisfies(d -> {
            assertThat(d.request()).isEqualTo(request);
            assertThat(d.dead()).isTrue();
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).isEqualTo("unparseable: no MessageSid");
        });
        assertThat(store.deadLetters("globex", 10)).isEmpty();

        assertThat(store.replay("globex", request.id(), T0.plus(Duration.ofHours(2)))).as("another tenant's").isFalse();
        assertThat(store.replay(TENANT, request.id(), T0.plus(Duration.ofHours(2)))).isTrue();
        assertThat(store.deadLetters(TENANT, 10)).isEmpty();
        assertThat(claim("w3", T0.plus(Duration.ofHours(2)))).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isZero());
        assertThat(store.replay(TENANT, request.id(), T0.plus(Duration.ofHours(3)))).as("not dead any more").isFalse();
    }

    @Test
    void releasedClaimsAreFreeAtOnce() {
        accepted(TENANT, T0);
        claim("w1", T0);

        store.releaseAll("w1");

        assertThat(claim("w2", T0)).hasSize(1);
    }

    @Test
    void oldestFirst() {
        IntakeRequest second = accepted(TENANT, T0.plusSeconds(2));
        IntakeRequest first = accepted(TENANT, T0.plusSeconds(1));

        assertThat(claim("w1", T0.plusSeconds(3))).extracting(IntakeEntry::request).containsExactly(first, second);
    }

    @Test
    void racingWorkersEachClaimADifferentRequest() {
        for (int i = 0; i < 40; i++) {
            accepted(TENANT, T0);
        }
        List<List<IntakeEntry>> claims = Concurrently.run(4, i -> {
            List<IntakeEntry> mine = new ArrayList<>();
            List<IntakeEntry> batch;
            while (!(batch = store.claimDue(T0, 3, "w" + i, T0.plus(LEASE))).isEmpty()) {
                mine.addAll(batch);
                batch.forEach(store::complete);
            }
            return mine;
        });

        Set<String> ids = new HashSet<>();
        claims.forEach(list -> list.forEach(e -> assertThat(ids.add(e.request().id())).as("claimed twice: %s", e.request().id()).isTrue()));
        assertThat(ids).hasSize(40);
    }
}
