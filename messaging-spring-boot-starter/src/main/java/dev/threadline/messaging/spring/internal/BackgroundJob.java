package dev.threadline.messaging.spring.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A job on a daemon thread of its own that runs while the application context does, so the host needs no
 * {@code @EnableScheduling}. Subclasses plan their runs on the executor when the context starts.
 */
abstract class BackgroundJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundJob.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final String threadName;
    private @Nullable ScheduledExecutorService executor;

    BackgroundJob(String threadName) {
        this.threadName = threadName;
    }

    /** Plans the job's runs on {@code executor}, which is shut down when the context stops. */
    abstract void plan(ScheduledExecutorService executor);

    /** The executor while the job runs, or null after it stopped. */
    final synchronized @Nullable ScheduledExecutorService executor() {
        return executor;
    }

    @Override
    public final synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor = started;
        plan(started);
    }

    /**
     * Stops planning runs and waits (up to {@value #STOP_WAIT_SECONDS} s) for a run in progress: the context closes the
     * DataSource and the store right after, and a run still using them would fail or write after shutdown.
     */
    @Override
    public final void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = executor;
            executor = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdownNow();
        try {
            if (!stopping.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("{} still running {} s after it was asked to stop", threadName, STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return executor != null;
    }
}
