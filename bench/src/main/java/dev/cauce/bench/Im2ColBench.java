package dev.cauce.bench;

import dev.cauce.core.io.Idx;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.core.simd.Im2Col;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * {@link Im2Col} on the two convolutions of the MNIST CNN, batch 128, 5x5 kernels, stride 1, no
 * padding: {@code conv1} (1 channel, 28x28: columns 25 x 73,728) and {@code conv2} (32 channels,
 * 12x12: columns 800 x 8,192, 26 MB). The images are real MNIST pixels (samples/mnist), laid out
 * as the layer's input; the column matrix of col2im is im2col's output. Scores: ms per call.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar Im2ColBench</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class Im2ColBench {
    private static final int N = 128, K = 5;

    @Param({"conv1", "conv2"})
    public String layer;

    @Param({"1", "2"})
    public int threads;

    @Param("samples/mnist")
    public String data;

    private int c, hw;
    private float[] x, cols, dx;
    private ComputePool pool;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        c = layer.equals("conv1") ? 1 : 32;
        hw = layer.equals("conv1") ? 28 : 12;
        float[] pixels = Idx.readImages(Path.of(data, "test-images-idx3-ubyte.gz")).data();
        x = new float[N * c * hw * hw];
        System.arraycopy(pixels, 0, x, 0, x.length);   // 128·32·144 = 590k < 10,000·784 pixels
        int o = hw - K + 1;
        cols = new float[c * K * K * N * o * o];
        dx = new float[x.length];
        pool = new ComputePool(threads);
        Im2Col.im2col(pool, x, N, c, hw, hw, K, K, 1, 0, cols);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public float im2col() {
        Im2Col.im2col(pool, x, N, c, hw, hw, K, K, 1, 0, cols);
        return cols[cols.length - 1];
    }

    @Benchmark
    public float col2im() {
        Im2Col.col2im(pool, cols, N, c, hw, hw, K, K, 1, 0, dx);
        return dx[dx.length - 1];
    }
}
