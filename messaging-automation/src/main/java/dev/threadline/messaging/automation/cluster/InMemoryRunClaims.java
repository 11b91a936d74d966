package dev.threadline.messaging.automation.cluster;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Claims in memory: once per process, which is once per cluster only for a single instance. */
public final class InMemoryRunClaims implements RunClaims {

    private final Set<String> claimed = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(String tenantId, String job, Instant plannedAt) {
        return claimed.add(tenantId + '\u0000' + job + '\u0000' + plannedAt);
    }
}
