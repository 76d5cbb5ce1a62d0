package dev.cauce.core.simd;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The one pool of compute threads a run uses, sized by the user's {@code --threads}. Kernels receive
 * it as a parameter (there is no global pool), and split only independent output blocks across it,
 * so every result is bit-identical whatever the thread count.
 *
 * <p>{@link #parallelFor} runs {@code body(0..n-1)} on the calling thread plus {@code threads - 1}
 * workers that pull task indices from a shared counter. Which thread runs which index never changes
 * a result, because tasks write disjoint outputs. A call made from inside a task (nested
 * parallelism) runs inline, so it can never deadlock. Close the pool to stop its workers.
 */
public final class ComputePool implements AutoCloseable {
    private final int threads;
    private final List<Thread> workers = new ArrayList<>();
    private final BlockingQueue<Job> queue;
    private volatile boolean closed;
    /** Per-thread scratch arrays of this pool (kernels' packing buffers), reused across calls. */
    private final ThreadLocal<float[][]> scratch = ThreadLocal.withInitial(() -> new float[4][]);

    /** One parallelFor call in flight: workers and the caller claim indices from {@code next}. */
    private static final class Job {
        final int n;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int n, IntConsumer body) {
            this.n = n;
            this.body = body;
        }

        void runAvailable() {
            int i;
            while ((i = next.getAndIncrement()) < n) {
                try {
                    if (failure.get() == null) body.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    /**
     * @param threads number of threads that compute, including the caller; at least 1
     */
    public ComputePool(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024], got " + threads);
        }
        this.threads = threads;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, threads * 2));
        for (int t = 1; t < threads; t++) {
            Thread w = new Thread(this::workLoop, "cauce-compute-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
    }

    /** A pool of one thread: everything runs on the caller. */
    public static ComputePool single() {
        return new ComputePool(1);
    }

    /** Number of computing threads (caller included). */
    public int threads() {
        return threads;
    }

    private void workLoop() {
        try {
            while (!closed) {
                Job job = queue.take();
                job.runAvailable();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean insideWorker() {
        Thread me = Thread.currentThread();
        for (Thread w : workers) if (w == me) return true;
        return false;
    }

    /**
     * Runs {@code body.accept(i)} for every i in [0, n), in parallel, and returns when all are done.
     * Tasks must write disjoint data. An exception thrown by a task is rethrown here.
     */
    public void parallelFor(int n, IntConsumer body) {
        if (n <= 0) return;
        if (closed) throw new IllegalStateException("compute pool is closed");
        if (threads == 1 || n == 1 || insideWorker()) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        Job job = new Job(n, body);
        int helpers = Math.min(threads - 1, n - 1);
        for (int h = 0; h < helpers; h++) queue.offer(job);
        job.runAvailable();
        // Wait for tasks claimed by workers; they are short, so spin briefly then yield.
        int spins = 0;
        while (job.done.get() < n) {
            if (++spins > 1000) Thread.yield();
            else Thread.onSpinWait();
        }
        // Drop unclaimed hand-offs of this job so workers do not pick up a finished job later.
        queue.removeIf(j -> j == job);
        Throwable f = job.failure.get();
        if (f instanceof RuntimeException re) throw re;
        if (f instanceof Error err) throw err;
        if (f != null) throw new RuntimeException(f);
    }

    /**
     * A scratch array of at least {@code size} floats owned by the calling thread, for kernels'
     * temporary buffers (packing panels). Slots let one kernel hold several buffers at once. The
     * contents are arbitrary; the array stays valid until the same thread asks for the same slot
     * again, so a task must not keep it beyond its own run.
     */
    public float[] scratch(int slot, int size) {
        float[][] mine = scratch.get();
        if (mine[slot] == null || mine[slot].length < size) mine[slot] = new float[size];
        return mine[slot];
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) w.interrupt();
    }

    @Override
    public String toString() {
        return "ComputePool[threads=" + threads + "]";
    }
}
