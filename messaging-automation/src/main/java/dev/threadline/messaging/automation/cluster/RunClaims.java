package dev.threadline.messaging.automation.cluster;

import java.time.Instant;

/**
 * Decides which app instance does one run of a periodic job: every instance plans the same runs from the same
 * schedule, and the first to claim a run does it; the others skip it. A claim is never given back, so a run whose
 * claimer dies before finishing is skipped rather than done twice (a digest missed once, not sent twice).
 * Implementations must be safe across threads and, for a cluster, across processes sharing the store.
 */
public interface RunClaims {

    /**
     * Claims the run of {@code job} planned for {@code plannedAt}, for one tenant.
     *
     * @return true for exactly one caller per tenant, job and planned time; false for every later one
     */
    boolean claim(String tenantId, String job, Instant plannedAt);
}
