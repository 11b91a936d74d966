package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.automation.cluster.RunClaims;
import dev.threadline.messaging.automation.notify.DigestSchedule;
import dev.threadline.messaging.automation.notify.StaffNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the daily digest of unanswered conversations to each tenant's staff at the configured local time.
 * It runs on its own daemon thread ({@link BackgroundJob}); each run plans the next
 * from {@link DigestSchedule#nextAfter}, which keeps the local time across daylight-saving changes. Every app
 * instance plans the same runs; {@link RunClaims} lets one of them send each tenant's digest of each run.
 */
public final class DigestScheduler extends BackgroundJob {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    /** The job name under which runs are claimed. */
    static final String JOB = "daily-digest";

    private final StaffNotifications notifications;
    private final Set<String> tenants;
    private final DigestSchedule schedule;
    private final Duration unansweredFor;
    private final RunClaims claims;
    private final Clock clock;

    /** @param tenants the tenants whose staff get a digest */
    public DigestScheduler(StaffNotifications notifications, Set<String> tenants, DigestSchedule schedule, Duration unansweredFor,
                           RunClaims claims, Clock clock) {
        super("threadline-digest");
        if (unansweredFor.isNegative()) {
            throw new IllegalArgumentException("messaging.automation.digest.unanswered-for must not be negative");
        }
        this.notifications = notifications;
        this.tenants = Set.copyOf(tenants);
        this.schedule = schedule;
        this.unansweredFor = unansweredFor;
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * Sends every tenant's digest of the run planned for {@code plannedAt} whose claim this instance wins; one
     * tenant's failure does not keep the others from theirs.
     */
    public void sendDigests(Instant plannedAt) {
        for (String tenant : tenants) {
            try {
                if (claims.claim(tenant, JOB, plannedAt)) {
                    notifications.sendDigest(tenant, unansweredFor);
                }
            } catch (RuntimeException e) {
                log.warn("Daily digest of tenant {} failed: {}", tenant, e.toString());
            }
        }
    }

    @Override
    void plan(ScheduledExecutorService executor) {
        planAfter(clock.instant());
    }

    /** Plans the run after {@code previous}; a timer firing a little early never makes the same run twice. */
    private void planAfter(Instant previous) {
        ScheduledExecutorService executor = executor();
        if (executor == null) {
            return;
        }
        Instant now = clock.instant();
        Instant next = schedule.nextAfter(now.isAfter(previous) ? now : previous);
        executor.schedule(() -> {
            try {
                sendDigests(next);
            } finally {
                planAfter(next);
            }
        }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
        log.debug("Next staff digest at {}", next);
    }
}
