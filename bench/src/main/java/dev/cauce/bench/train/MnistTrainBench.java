package dev.cauce.bench.train;

import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.io.LabelledData;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.core.simd.VectorSupport;
import dev.cauce.train.EpochStats;
import dev.cauce.train.Initializer;
import dev.cauce.train.JitWarmup;
import dev.cauce.train.ModelSpec;
import dev.cauce.train.Trainer;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.optim.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * MNIST training throughput, the Cauce side of {@code shared/peers/torch_mlp_mnist.py}: same models
 * (MLP 784-256-128-10; CNN conv5x5x32-pool-conv5x5x64-pool-fc128-fc10), Adam 1e-3, batch 128, the
 * 8,000-digit train split, pixels scaled to [0, 1]. Prints one line per epoch and a last JSON line
 * with samples/s (all epochs, and epochs after the first, the first one paying for JIT warm-up),
 * test accuracy and peak RSS. As in the peer, the timed part is forward, backward and the update:
 * the time the trainer waited for the shuffled, collated batches is left out.
 *
 * <p>Like {@code cauce train}, it starts a {@link JitWarmup} at once and stops it (without waiting)
 * when the timed epochs begin; {@code -Dcauce.jitWarmup=false} runs without it.
 *
 * <p>{@code --warmup STEPS} first trains a throwaway model of the same spec for STEPS small
 * batches ({@code --warmup-batch}, default 16) so that the kernels are compiled before the timed
 * epochs; its time is reported apart ({@code warmup_s}) and in {@code train_samples_per_s_incl_warmup}.
 *
 * <p>Run it with the JVM flags {@code ./cauce train} uses (the serial collector, a 64 MB young
 * generation, no on-stack replacement and early C2 compilation of the kernels, see
 * docs/ARCHITECTURE.md), so that its
 * speed and peak RSS are the ones a user gets:
 *
 * <pre>java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     --sun-misc-unsafe-memory-access=allow -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -XX:+UseSerialGC -Xmn64m \
 *     -XX:CompileCommand=quiet -XX:-UseOnStackReplacement -XX:CompileCommand=CompileThresholdScaling,dev.cauce.core.simd.*::*,0.1 \
 *     -XX:CompileCommand=CompileThresholdScaling,dev.cauce.train.layer.*::lambda$*,0.1 -XX:CompileCommand=CompileThresholdScaling,dev.cauce.train.optim.*::kernel,0.1 \
 *     -cp bench/target/benchmarks.jar dev.cauce.bench.train.MnistTrainBench --variant mlp --threads 2 --epochs 10 --data samples/mnist</pre>
 */
public final class MnistTrainBench {
    private MnistTrainBench() {
    }

    public static void main(String[] args) throws IOException {
        // as `cauce train` does: compile the kernels while the data loads (stopped, not awaited, below)
        JitWarmup jit = JitWarmup.start();
        String variant = "mlp";
        int threads = 2;
        int epochs = -1;
        int warmup = 0;
        int warmupBatch = 16;
        Path data = Path.of("samples/mnist");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--variant" -> variant = args[i + 1];
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--warmup-batch" -> warmupBatch = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --variant mlp|cnn --threads N --epochs N --data DIR --warmup STEPS --warmup-batch N");
            }
        }
        String spec = switch (variant) {
            case "mlp" -> "dense(256)-relu-dense(128)-relu-dense(10)";
            case "cnn" -> "conv(32,5)-relu-maxpool(2)-conv(64,5)-relu-maxpool(2)-dense(128)-relu-dense(10)";
            default -> throw new IllegalArgumentException("--variant must be mlp or cnn, got " + variant);
        };
        if (epochs < 0) epochs = variant.equals("mlp") ? 10 : 3;
        VectorSupport.check().ifPresent(System.err::println);
        DataStream<Sample<Tensor>> train = scaled(LabelledData.load(data.resolve("train-images-idx3-ubyte.gz"), data.resolve("train-labels-idx1-ubyte.gz")));
        DataStream<Sample<Tensor>> test = scaled(LabelledData.load(data.resolve("test-images-idx3-ubyte.gz"), data.resolve("test-labels-idx1-ubyte.gz")));
        // materialize the scaled digits once, as the peer holds its tensors in memory
        var trainList = train.toList(0, 0);
        var testList = test.toList(0, 0);
        DataStream<Batch> trainBatches = DataStream.of(trainList).shuffle(trainList.size()).batch(128, Batch::collate);
        DataStream<Batch> testBatches = DataStream.of(testList).batch(500, Batch::collate);
        try (ComputePool pool = new ComputePool(threads)) {
            double warmupSeconds = warmup > 0 ? warmUp(spec, pool, trainList, warmup, warmupBatch) : 0;
            Layer model = ModelSpec.build(spec, new int[] {1, 28, 28}, Initializer.HE_NORMAL, 0);
            Trainer trainer = Trainer.builder(model, new Adam()).learningRate(1e-3).pool(pool).seed(0).build();
            jit.close();
            double total = 0;
            double warm = 0;
            long samples = 0;
            long warmSamples = 0;
            for (int e = 0; e < epochs; e++) {
                EpochStats s = trainer.fit(trainBatches, e, e + 1).last();
                // the peer shuffles and gathers each epoch outside its timer: leave out the time the
                // trainer spent waiting for the stream's shuffle and collate (its "data wait")
                double compute = s.seconds() - s.dataWaitSeconds();
                System.out.println("[" + variant + "] " + s.summary() + String.format(Locale.ROOT, ", %.3fs (%.3fs without data wait)", s.seconds(), compute));
                total += compute;
                samples += s.samples();
                if (e > 0) {
                    warm += compute;
                    warmSamples += s.samples();
                }
            }
            double acc = trainer.evaluate(testBatches).accuracy();
            System.out.printf(Locale.ROOT, "{\"variant\": \"%s\", \"threads\": %d, \"epochs\": %d, \"train_samples_per_s\": %.1f, "
                            + "\"train_samples_per_s_after_epoch1\": %.1f, \"warmup_steps\": %d, \"warmup_s\": %.3f, "
                            + "\"train_samples_per_s_incl_warmup\": %.1f, \"test_acc\": %.4f, \"peak_rss_mib\": %.1f}%n",
                    variant, threads, epochs, samples / total, warmSamples > 0 ? warmSamples / warm : Double.NaN, warmup, warmupSeconds,
                    samples / (total + warmupSeconds), acc, peakRssMib());
        }
    }

    /**
     * Trains a throwaway model of the same spec on {@code steps} small batches so that the JIT has
     * compiled the kernels before the timed run; returns the seconds it took (reported, and
     * included in {@code train_samples_per_s_incl_warmup}).
     */
    private static double warmUp(String spec, ComputePool pool, java.util.List<Sample<Tensor>> digits, int steps, int batch) {
        long t0 = System.nanoTime();
        Layer scratch = ModelSpec.build(spec, new int[] {1, 28, 28}, Initializer.HE_NORMAL, 1);
        java.util.List<Batch> batches = new java.util.ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int from = (i * batch) % (digits.size() - batch);
            batches.add(Batch.collate(digits.subList(from, from + batch)));
        }
        Trainer.builder(scratch, new Adam()).learningRate(1e-3).pool(pool).seed(1).build().fit(DataStream.of(batches), 1);
        return (System.nanoTime() - t0) * 1e-9;
    }

    private static DataStream<Sample<Tensor>> scaled(LabelledData d) {
        return d.stream().mapElements(s -> {
            float[] v = s.value().data().clone();
            for (int i = 0; i < v.length; i++) v[i] /= 255f;
            return s.withValue(Tensor.of(v, v.length));
        });
    }

    private static double peakRssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
        return Double.NaN;
    }
}
