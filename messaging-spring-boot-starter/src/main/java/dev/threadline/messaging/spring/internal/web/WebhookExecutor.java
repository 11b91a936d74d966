package dev.threadline.messaging.spring.internal.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Runs accepted webhooks right after they were acknowledged, so a provider never waits on an AI reply. The
 * queue is bounded; when it is full the request thread does the work itself, which slows the provider down
 * instead of dropping messages. Work can also be submitted after a delay: a single timer thread waits, then hands
 * it to the same pool. On shutdown, queued work finishes for up to 10 s; work still waiting for its delay is dropped.
 */
public final class WebhookExecutor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookExecutor.class);

    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "threadline-webhook-timer");
        t.setDaemon(true);
        return t;
    });

    public WebhookExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "threadline-webhook-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code work} soon; a failure is logged with {@code what}, never thrown. */
    void submit(String what, Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Processing {} failed", what, e);
            }
        });
    }

    /** Runs {@code work} once {@code delay} has passed, like {@link #submit}. */
    void submitAfter(Duration delay, String what, Runnable work) {
        timer.schedule(() -> submit(what, work), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        int waiting = timer.shutdownNow().size();
        if (waiting > 0) {
            log.debug("{} delayed webhook tasks dropped at shutdown", waiting);
        }
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Webhook work still running after 10 s at shutdown: {} tasks dropped", executor.shutdownNow().size());
        }
    }
}
