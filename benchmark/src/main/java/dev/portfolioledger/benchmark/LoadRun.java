package dev.portfolioledger.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs N workers in a closed loop (each sends its next operation when the previous one returned)
 * for a warm-up and then a measured window, both fixed in time. Only operations that started and
 * ended inside the measured window count, so warm-up (JIT, connection set-up, cold caches) and
 * the ragged end do not distort the rate.
 */
final class LoadRun {

    /** One worker's operation; created and closed on the worker's own thread. */
    interface Worker extends AutoCloseable {
        void execute() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Creates a worker on its thread, so it can set thread-locals (e.g. the security context). */
    interface WorkerFactory {
        Worker create(int index) throws Exception;
    }

    /** A worker that keeps failing is stopped: a broken phase should fail fast, not spin. */
    private static final int MAX_ERRORS_PER_WORKER = 50;
    /** How long stragglers (an operation in flight at the end) may take before we give up on them. */
    private static final Duration JOIN_GRACE = Duration.ofSeconds(40);

    private LoadRun() {
    }

    static LoadResult run(String label, int workers, Duration warmup, Duration measured, WorkerFactory factory)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(workers);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] window = new long[2]; // measured start and end, written before go.countDown()
        List<SampleBuffer> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();

        for (int i = 0; i < workers; i++) {
            int index = i;
            SampleBuffer samples = new SampleBuffer();
            latencies.add(samples);
            Thread thread = new Thread(() -> {
                try (Worker worker = factory.create(index)) {
                    ready.countDown();
                    go.await();
                    long start = window[0];
                    long end = window[1];
                    int failures = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        try {
                            worker.execute();
                            long t1 = System.nanoTime();
                            if (t0 >= start && t1 <= end) {
                                samples.add(t1 - t0);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, describe(e));
                            if (++failures >= MAX_ERRORS_PER_WORKER) {
                                break;
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, "worker set-up: " + describe(e));
                    ready.countDown();
                }
            }, "bench-" + label + "-" + i);
            thread.setDaemon(true); // a stuck request must never keep the JVM alive
            threads.add(thread);
            thread.start();
        }

        ready.await(60, TimeUnit.SECONDS);
        long now = System.nanoTime();
        window[0] = now + warmup.toNanos();
        window[1] = window[0] + measured.toNanos();
        go.countDown(); // happens-before: the workers see window[]

        long deadline = window[1] + JOIN_GRACE.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (thread.isAlive()) {
                thread.interrupt();
                firstError.compareAndSet(null, thread.getName() + " still busy after the run");
            }
        }

        Percentiles p = Percentiles.of(SampleBuffer.concat(latencies));
        double seconds = measured.toNanos() / 1e9;
        return new LoadResult(label, workers, p.count(), errors.get(), seconds,
                p.at(50) / 1e6, p.at(99) / 1e6, p.max() / 1e6, firstError.get());
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (root != e) {
            text += " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
