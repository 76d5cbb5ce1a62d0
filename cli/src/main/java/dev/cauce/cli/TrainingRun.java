package dev.cauce.cli;

import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.io.LabelledData;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.EpochStats;
import dev.cauce.train.Evaluation;
import dev.cauce.train.Optimizer;
import dev.cauce.train.Trainer;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.BatchProgress;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.optim.Adam;
import dev.cauce.train.optim.AdamW;
import dev.cauce.train.optim.RmsProp;
import dev.cauce.train.optim.Sgd;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Loads a train/test split, streams it through the preprocessing pipeline into the trainer, prints
 * one line per epoch and the test accuracy. Shared by {@code cauce train} and {@code cauce demo}.
 */
final class TrainingRun {
    private TrainingRun() { }

    /** Pixel scaling of 8-bit images to [0, 1], flattened to one feature vector per sample. */
    static Transform<Tensor, Tensor> pixelsToFeatures() {
        return Transform.of("scale_pixels_flatten", Map.of("divisor", 255.0), x -> {
            float[] in = x.data();
            float[] out = new float[in.length];
            for (int i = 0; i < in.length; i++) out[i] = in[i] * (1f / 255f);
            return Tensor.of(out, in.length);
        });
    }

    /** The pipeline: samples, pixel scaling, seeded shuffle, batches, prefetch. */
    static DataStream<Batch> pipeline(LabelledData data, int batchSize, boolean shuffle) {
        DataStream<Sample<Tensor>> s = data.stream().map(pixelsToFeatures());
        if (shuffle) s = s.shuffle(data.size());
        return s.batch(batchSize, Batch::collate).prefetch(4);
    }

    static Optimizer optimizer(TrainOptions o) {
        return switch (o.optimizer) {
            case sgd -> Sgd.plain();
            case momentum -> Sgd.momentum(o.momentum);
            case nesterov -> Sgd.nesterov(o.momentum);
            case rmsprop -> new RmsProp();
            case adam -> new Adam();
            case adamw -> new AdamW();
        };
    }

    /** Runs the training and returns the test evaluation. */
    static Evaluation run(TrainOptions o, PrintStream out) throws IOException {
        o.validate();
        LabelledData train = LabelledData.loadSplit(o.dataDir(), "train");
        LabelledData test = LabelledData.loadSplit(o.dataDir(), "test");
        int features = train.inputs().size() / train.size();
        int testFeatures = test.inputs().size() / Math.max(1, test.size());
        if (features != testFeatures) {
            throw new IOException(o.dataDir() + ": train samples have " + features + " values but test samples have " + testFeatures);
        }
        int classes = Arrays.stream(train.labels()).max().orElse(0) + 1;
        for (int y : test.labels()) {
            if (y < 0 || y >= classes) {
                throw new IOException(o.dataDir() + ": test label " + y + " is outside the " + classes + " classes seen in training");
            }
        }
        int[] sizes = new int[o.hidden.length + 2];
        sizes[0] = features;
        System.arraycopy(o.hidden, 0, sizes, 1, o.hidden.length);
        sizes[sizes.length - 1] = classes;

        out.printf("data: %s (%,d train, %,d test, %d features, %d classes)%n", o.dataDir(), train.size(), test.size(), features, classes);
        try (ComputePool pool = new ComputePool(o.threads())) {
            Sequential model = Sequential.mlp(sizes, o.init.initializer, o.seed);
            Optimizer opt = optimizer(o);
            out.printf("model: %s, %s lr %s, batch %d, %d epochs, seed %d, %d threads%n",
                    model, opt.describe(), o.learningRate, o.batchSize, o.epochs, o.seed, pool.threads());
            EpochPrinter printer = new EpochPrinter(out, (train.size() + o.batchSize - 1) / o.batchSize);
            Trainer trainer = Trainer.builder(model, opt)
                    .learningRate(o.learningRate)
                    .pool(pool)
                    .seed(o.seed)
                    .listener(printer)
                    .build();
            long start = System.nanoTime();
            Trainer.History h = trainer.fit(pipeline(train, o.batchSize, true), o.epochs);
            double seconds = (System.nanoTime() - start) * 1e-9;
            long samples = h.epochs().stream().mapToLong(EpochStats::samples).sum();
            out.printf("training throughput: %,.0f samples/s (%,d samples in %.1f s)%n", samples / seconds, samples, seconds);
            return trainer.evaluate(pipeline(test, 512, false));
        }
    }

    /** Prints one line per epoch and drives a progress bar over the batches. */
    static final class EpochPrinter implements TrainingListener {
        private final PrintStream out;
        private final int batches;
        private Progress bar;

        EpochPrinter(PrintStream out, int batches) {
            this.out = out;
            this.batches = batches;
        }

        @Override public void onEpochStart(int epoch, int epochs) {
            bar = Progress.start("epoch " + (epoch + 1) + "/" + epochs, batches, "batches");
        }

        @Override public void onBatchEnd(BatchProgress p) {
            bar.step(1);
            bar.extra(String.format("loss %.4f", p.loss()));
        }

        @Override public void onEpochEnd(EpochStats stats) {
            bar.close();
            out.println(stats.summary());
        }
    }
}
