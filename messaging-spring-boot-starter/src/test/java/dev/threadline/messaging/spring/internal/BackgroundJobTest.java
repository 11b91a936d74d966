package dev.threadline.messaging.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundJobTest {

    /** A run that does not heed interrupts, as a JDBC call in progress does not. */
    private static final long RUN_NANOS = 300_000_000L;

    @Test
    void stopReturnsOnlyOnceTheRunInProgressHasFinished() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        BackgroundJob job = new BackgroundJob("test-job") {
            @Override
            void plan(ScheduledExecutorService executor) {
                executor.execute(() -> {
                    running.countDown();
                    long until = System.nanoTime() + RUN_NANOS;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    finished.set(true);
                });
            }
        };
        job.start();
        running.await();

        job.stop();

        assertThat(finished).as("the run finished before stop returned").isTrue();
        assertThat(job.isRunning()).isFalse();
    }
}
