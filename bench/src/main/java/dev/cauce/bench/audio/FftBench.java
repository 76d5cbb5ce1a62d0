package dev.cauce.bench.audio;

import be.tarsos.dsp.util.fft.FFT;
import dev.cauce.core.simd.RealFft;
import dev.cauce.preprocess.audio.Wav;
import dev.cauce.preprocess.audio.Window;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Real FFT time per frame: core's {@link RealFft} (a batch of {@link RealFft#lanes()} frames per
 * call) against TarsosDSP's {@code FFT.forwardTransform} (JTransforms, one frame per call, the FFT
 * the STFT used before), on {@value #FRAMES} Hann-windowed frames of real speech
 * (samples/audio/alsa/Front_Center.wav, 48 kHz) every invocation. Scores are ns per frame.
 *
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar FftBench</pre>
 * (run from the repository root, or pass {@code -Dcauce.wav=FILE} through {@code -jvmArgsAppend}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FftBench {
    static final int FRAMES = 64;

    @Param({"400", "512", "1024"})
    public int n;

    private float[][] frames;   // FRAMES windowed frames of n samples
    private float[][] batches;  // the same frames, lane-interleaved, FRAMES/lanes batches
    private float[] scratch;
    private RealFft fft;
    private RealFft.Workspace ws;
    private FFT tarsos;

    @Setup
    public void setUp() throws IOException {
        float[] speech = Wav.read(Path.of(System.getProperty("cauce.wav", "samples/audio/alsa/Front_Center.wav"))).channel(0);
        float[] win = Window.HANN.periodic(n);
        int lanes = RealFft.lanes();
        frames = new float[FRAMES][n];
        batches = new float[FRAMES / lanes][n * lanes];
        for (int f = 0; f < FRAMES; f++) {
            for (int j = 0; j < n; j++) {
                frames[f][j] = speech[2048 + f * 128 + j] * win[j];
                batches[f / lanes][j * lanes + f % lanes] = frames[f][j];
            }
        }
        scratch = new float[n];
        fft = RealFft.of(n);
        ws = fft.workspace();
        tarsos = new FFT(n);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float cauceRealFft() {
        float s = 0;
        for (float[] b : batches) {
            System.arraycopy(b, 0, ws.input(), 0, b.length);
            fft.forward(ws);
            s += ws.real()[1];
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float tarsosFft() {
        float s = 0;
        for (float[] f : frames) {
            System.arraycopy(f, 0, scratch, 0, n); // it transforms in place
            tarsos.forwardTransform(scratch);
            s += scratch[2];
        }
        return s;
    }
}
