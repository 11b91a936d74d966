package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.automation.campaign.Campaigns;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries on campaigns that a stopped process left running ({@link Campaigns#resumeInterrupted}): once when the app
 * starts, then every {@code interval}, since another instance may die mid-campaign while this one runs. Every
 * instance does it; the campaign store makes sure each recipient is sent once.
 */
public final class CampaignResumer extends BackgroundJob {

    private static final Logger log = LoggerFactory.getLogger(CampaignResumer.class);

    private final Campaigns campaigns;
    private final Duration interval;

    public CampaignResumer(Campaigns campaigns, Duration interval) {
        super("threadline-campaigns");
        this.campaigns = campaigns;
        this.interval = interval;
    }

    @Override
    void plan(ScheduledExecutorService executor) {
        executor.scheduleWithFixedDelay(this::resume, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void resume() {
        try {
            int pending = campaigns.resumeInterrupted();
            if (pending > 0) {
                log.info("Carried on interrupted campaigns: {} recipients were pending", pending);
            }
        } catch (RuntimeException e) {
            // The store may be down for a moment: the next round tries again.
            log.warn("Carrying on interrupted campaigns failed: {}", e.toString());
        }
    }
}
