package dev.threadline.messaging.spring.internal;

import dev.threadline.messaging.MessageManager;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the manager's delivery workers once the context is ready and stops them gracefully on shutdown:
 * in-flight sends finish and unsent claims are released for other instances.
 */
public final class DeliveryLifecycle implements SmartLifecycle {

    private final MessageManager manager;
    private final int workers;
    private volatile boolean running;

    public DeliveryLifecycle(MessageManager manager, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("messaging.delivery.workers must be at least 1");
        }
        this.manager = manager;
        this.workers = workers;
    }

    @Override
    public void start() {
        manager.startDelivery(workers);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        manager.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Below the web server's phases: the server stops taking requests first, so replies it accepted still
     * get sent before the workers stop.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
