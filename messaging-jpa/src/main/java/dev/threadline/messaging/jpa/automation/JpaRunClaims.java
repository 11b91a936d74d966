package dev.threadline.messaging.jpa.automation;

import static dev.threadline.messaging.jpa.automation.Database.timestamp;

import dev.threadline.messaging.automation.cluster.RunClaims;
import java.time.Instant;

/** Run claims as rows of {@code automation_job_runs}: the instance whose insert the primary key accepts runs it. */
final class JpaRunClaims implements RunClaims {

    private final Database database;

    JpaRunClaims(Database database) {
        this.database = database;
    }

    @Override
    public boolean claim(String tenantId, String job, Instant plannedAt) {
        return database.insertIfAbsent("insert into automation_job_runs (tenant_id, job, planned_at) values (?, ?, ?)",
                tenantId, job, timestamp(plannedAt));
    }
}
