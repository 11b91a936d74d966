package dev.threadline.messaging.jpa.internal;

import static dev.threadline.messaging.jpa.internal.Records.micros;

import java.time.Clock;
import java.time.Instant;
import org.hibernate.SessionFactory;

/** Keys a tenant has processed once (webhook ids and the like), so a repeat is recognized. */
public final class ProcessedKeys {

    private final SessionFactory sessions;
    private final DatabaseVendor vendor;
    private final Clock clock;

    public ProcessedKeys(SessionFactory sessions, DatabaseVendor vendor, Clock clock) {
        this.sessions = sessions;
        this.vendor = vendor;
        this.clock = clock;
    }

    public boolean markProcessed(String tenantId, String key) {
        Instant at = micros(clock.instant());
        if (vendor == DatabaseVendor.POSTGRESQL) {
            // Repeats are the normal case for webhooks: answer them without an error in the server log.
            return sessions.fromTransaction(s -> s.createNativeMutationQuery("insert into processed_keys"
                            + " (tenant_id, processed_key, processed_at) values (:tenant, :key, :at) on conflict do nothing")
                    .setParameter("tenant", tenantId).setParameter("key", key).setParameter("at", at)
                    .executeUpdate() == 1);
        }
        try {
            sessions.inTransaction(s -> {
                s.persist(new ProcessedKeyEntity(tenantId, key, at));
                s.flush();
            });
            return true;
        } catch (RuntimeException e) {
            if (Failures.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }
}
