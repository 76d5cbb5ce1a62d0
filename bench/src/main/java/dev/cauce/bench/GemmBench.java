package dev.cauce.bench;

import dev.cauce.core.Rng;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.core.simd.Gemm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GEMM throughput of {@link Gemm} in GFLOP/s (2·m·n·k per product), reported by JMH as the
 * {@code gflop} counter (per second), for the MLP shapes and 1024³, with 1 and 2 threads.
 * Variants: {@code nn} (dense forward X·W), {@code tn} (weight gradient Xᵀ·dY), {@code nt}
 * (input gradient dY·Wᵀ). Compare with {@code /usr/bin/python3 shared/peers/torch_gemm.py}.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar GemmBench</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GemmBench {
    /** m x k x n, the shape names used by torch_gemm.py. */
    @Param({"128x784x256", "256x256x256", "1024x1024x1024"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    @Param({"nn"})
    public String variant;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;
    private ComputePool pool;

    /** JMH reports this counter as a rate: GFLOP per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public double gflop;

        @Setup(Level.Iteration)
        public void reset() {
            gflop = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        Rng r = Rng.seeded(1);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) r.uniform(-1, 1);
        for (int i = 0; i < b.length; i++) b[i] = (float) r.uniform(-1, 1);
        pool = new ComputePool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public float gemm(Flops flops) {
        switch (variant) {
            case "nn" -> Gemm.nn(pool, m, n, k, a, b, c, 0f);
            case "tn" -> Gemm.tn(pool, m, n, k, a, b, c, 0f);   // a read as (k, m)
            case "nt" -> Gemm.nt(pool, m, n, k, a, b, c, 0f);   // b read as (n, k)
            default -> throw new IllegalArgumentException("variant must be nn, tn or nt, got " + variant);
        }
        flops.gflop += 2.0 * m * n * k * 1e-9;
        return c[0];
    }
}
