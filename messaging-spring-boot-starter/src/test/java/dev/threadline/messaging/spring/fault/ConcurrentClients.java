package dev.threadline.messaging.spring.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** Requests numbered 0 to {@code count - 1}, sent by several clients at once to an app that may be killed meanwhile. */
final class ConcurrentClients {

    /** One request; a transport failure means it went unanswered (the app died under it), and is not retried here. */
    @FunctionalInterface
    interface Request {
        void send(int index) throws IOException, InterruptedException;
    }

    private ConcurrentClients() {
    }

    /** Sends every request from {@code clients} threads; each client stops early once {@code stop} says so. */
    static void run(int clients, int count, BooleanSupplier stop, Request request) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && !stop.getAsBoolean()) {
                    try {
                        request.send(i);
                    } catch (IOException e) {
                        // Unanswered: the provider, or the caller, would send it again.
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
    }
}
