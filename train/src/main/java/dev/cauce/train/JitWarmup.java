package dev.cauce.train;

import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.core.simd.Gemm;
import dev.cauce.core.simd.VectorSupport;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.optim.Adam;
import java.util.List;

/**
 * Gets the JIT to compile the training kernels while the program is still loading its data.
 *
 * <p>Why: the Vector API kernels ({@code Gemm}, {@code VectorOps}, the Adam update) run 10-100
 * times slower until C2 has compiled them, because the interpreter and C1 box every vector. A short
 * run (the MNIST MLP trains an epoch in about 0.1 s) otherwise spends its first epoch, 0.5-0.7 s,
 * waiting for C2. {@link #start()} trains a throwaway MLP (Dense 24-40-10 with ReLU, softmax
 * cross-entropy, Adam, batches of 6 random rows) on a daemon thread, so those methods get hot and
 * queued for C2 while the caller reads and scales its data. It can only help as much as that
 * overlap lasts: C2 needs about 0.5 s of one core for the MLP's kernels, the MNIST loading gives
 * 0.25 s, so the first epoch is shortened (0.6-0.7 s to 0.3-0.5 s), not made steady.
 *
 * <p>The shapes are tiny, because an interpreted step is slow (a few ms even at this size), and
 * chosen so that every branch the real kernels take is taken here too: full and partial register
 * tiles in rows and columns, beta 0 and 1, both transposes, and, every few steps, a product deep
 * enough for two k blocks ({@link #DEEP_K}). C2 compiles from the profile; a branch never seen
 * would be compiled as a trap that throws the method back to the interpreter at its first real use.
 *
 * <p>It shares nothing with the real run (own model, own single-thread pool, own data), so results
 * are the same with or without it. {@link #close()} asks it to stop after its current step and does
 * not wait: call it when the real training starts, so the two do not compete for cores. The
 * system property {@code cauce.jitWarmup=false} turns it off (to measure without it).
 */
public final class JitWarmup implements AutoCloseable {
    /** Upper bound of warm-up steps, for a caller that never calls {@link #close()}. */
    static final int MAX_STEPS = 1500;
    /** Depth of the occasional product: more than one k block of {@code Gemm} (256). */
    static final int DEEP_K = 300;
    /** Its width: one full register tile of two vectors plus one column, on any vector size. */
    private static final int DEEP_N = 2 * VectorSupport.floatLanes() + 1;
    private volatile boolean stop;
    private volatile int steps;
    private final Thread thread;

    private JitWarmup(boolean run) {
        thread = run ? Thread.ofPlatform().daemon().name("cauce-jit-warmup").unstarted(() -> run(MAX_STEPS)) : null;
    }

    /** Starts the warm-up on a daemon thread (unless {@code -Dcauce.jitWarmup=false}). */
    public static JitWarmup start() {
        JitWarmup w = new JitWarmup(!"false".equalsIgnoreCase(System.getProperty("cauce.jitWarmup")));
        if (w.thread != null) w.thread.start();
        return w;
    }

    /** A warm-up without a thread, for running {@link #run} directly (tests). */
    static JitWarmup unstarted() {
        return new JitWarmup(false);
    }

    /** Steps trained so far. */
    public int steps() {
        return steps;
    }

    /** The warm-up thread, or null when it is turned off. */
    Thread thread() {
        return thread;
    }

    /** Asks the warm-up to stop after its current step; returns at once. */
    @Override
    public void close() {
        stop = true;
    }

    /** Trains the throwaway model for up to {@code maxSteps} steps or until {@link #close()}; returns its losses. */
    double[] run(int maxSteps) {
        Rng rng = Rng.seeded(0x3A17);
        List<Batch> batches = new java.util.ArrayList<>();
        for (int b = 0; b < 4; b++) batches.add(randomBatch(6, 24, 10, rng.child(b)));
        Sequential model = Sequential.mlp(new int[] {24, 40, 10}, Initializer.HE_NORMAL, 1);
        float[] deepA = randomBatch(1, DEEP_K, 1, rng.child(4)).x().data();
        float[] deepB = randomBatch(DEEP_K, DEEP_N, 1, rng.child(5)).x().data();
        float[] deepC = new float[DEEP_N];
        try (ComputePool pool = ComputePool.single()) {
            Trainer trainer = Trainer.builder(model, new Adam()).learningRate(1e-3).pool(pool).seed(1)
                    .listener(new TrainingListener() {
                        @Override
                        public void onBatchEnd(BatchProgress progress) {
                            // the k-block branches (C += tile), seen often enough to be in the profile
                            if (steps % 8 == 0) Gemm.nn(pool, 1, DEEP_N, DEEP_K, deepA, deepB, deepC, 0f);
                            steps++;
                        }

                        @Override
                        public boolean stopRequested() {
                            return stop || steps >= maxSteps;
                        }
                    })
                    .build();
            // one pass over the four batches per "epoch", so the stop flag is read every few steps
            int epochs = (maxSteps + batches.size() - 1) / batches.size();
            return trainer.fit(DataStream.of(batches), epochs).losses();
        }
    }

    private static Batch randomBatch(int rows, int features, int classes, Rng rng) {
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) labels[i] = (int) Long.remainderUnsigned(rng.nextLong(), classes);
        return new Batch(Tensor.of(x, rows, features), labels, 0);
    }
}
