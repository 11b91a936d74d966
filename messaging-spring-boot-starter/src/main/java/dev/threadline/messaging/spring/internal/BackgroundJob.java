package dev.threadline.messaging.spring.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * A job on a daemon thread of its own that runs while the application context does, so the host needs no
 * {@code @EnableScheduling}. Subclasses plan their runs on the executor when the context starts.
 */
abstract class BackgroundJob implements SmartLifecycle {

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

    @Override
    public final synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return executor != null;
    }
}
