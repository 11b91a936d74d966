package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.intake.WebhookIntake;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the webhook intake's workers with the context and stops them gracefully: the web server stops taking
 * webhooks first, requests in flight finish, and what is left stays stored for the next start or another
 * instance. The intake stops before delivery, so replies it queued while stopping still go out.
 */
public final class IntakeLifecycle implements SmartLifecycle {

    private final WebhookIntake intake;
    private final int workers;
    private volatile boolean running;

    public IntakeLifecycle(WebhookIntake intake, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("messaging.webhooks.workers must be at least 1");
        }
        this.intake = intake;
        this.workers = workers;
    }

    @Override
    public void start() {
        intake.start(workers);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        intake.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Between the web server's phases and the delivery workers' ({@link DeliveryLifecycle}). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
