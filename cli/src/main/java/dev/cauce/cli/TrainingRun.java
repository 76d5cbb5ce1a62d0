package dev.cauce.cli;

import dev.cauce.core.Batch;
import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.io.LabelledData;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.BatchProgress;
import dev.cauce.train.EpochStats;
import dev.cauce.train.JitWarmup;
import dev.cauce.train.Evaluation;
import dev.cauce.train.ModelSpec;
import dev.cauce.train.Schedule;
import dev.cauce.train.Trainer;
import dev.cauce.train.TrainingDivergedException;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.activation.Softmax;
import dev.cauce.train.average.WeightAverage;
import dev.cauce.train.callback.Checkpoint;
import dev.cauce.train.callback.CsvLogger;
import dev.cauce.train.callback.EarlyStopping;
import dev.cauce.train.callback.GradientNorms;
import dev.cauce.train.ensemble.Ensemble;
import dev.cauce.train.ensemble.Predictor;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.loss.Loss;
import dev.cauce.train.loss.MultiTaskLoss;
import dev.cauce.train.loss.SoftmaxCrossEntropy;
import dev.cauce.train.optim.Optimizers;
import dev.cauce.train.optim.StatefulOptimizer;
import dev.cauce.train.regularize.DecoupledWeightDecay;
import dev.cauce.train.regularize.GaussianInputNoise;
import dev.cauce.train.regularize.L1Penalty;
import dev.cauce.train.regularize.L2Penalty;
import dev.cauce.train.regularize.Penalty;
import dev.cauce.train.regularize.WeightNoise;
import dev.cauce.train.schedule.Schedules;
import dev.cauce.train.schedule.SwaRate;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a train/test split, streams it through the preprocessing pipeline into the trainer, prints
 * one line per epoch and the test accuracy. Shared by {@code cauce train} and {@code cauce demo}.
 */
final class TrainingRun {
    private TrainingRun() { }

    /** Pixel scaling of 8-bit images to [0, 1], reshaped to {@code shape} (a flat vector for the MLP). */
    static Transform<Tensor, Tensor> pixelsToFeatures(int... shape) {
        return Transform.of("scale_pixels", Map.of("divisor", 255.0, "shape", Arrays.toString(shape)), x -> {
            float[] in = x.data();
            float[] out = new float[in.length];
            for (int i = 0; i < in.length; i++) out[i] = in[i] * (1f / 255f);
            return Tensor.of(out, shape);
        });
    }

    /** The pipeline: samples, pixel scaling, optional input noise, seeded shuffle, batches, prefetch. */
    static DataStream<Batch> pipeline(LabelledData data, int[] shape, int batchSize, boolean shuffle, double inputNoise) {
        DataStream<Sample<Tensor>> s = data.stream().map(pixelsToFeatures(shape));
        if (inputNoise > 0) s = s.map(new GaussianInputNoise(inputNoise));
        if (shuffle) s = s.shuffle(data.size());
        return s.batch(batchSize, Batch::collate).prefetch(4);
    }

    /** What the run knows about its data once loaded. */
    private record Data(LabelledData train, LabelledData validation, LabelledData test, int[] inputShape, int classes) { }

    /** Runs the training (K times for an ensemble) and returns the test evaluation of the final model. */
    static Evaluation run(TrainOptions o, PrintStream out) throws IOException {
        return run(o, out, null);
    }

    /** As {@link #run(TrainOptions, PrintStream)}, continuing a JIT warm-up the caller started earlier (or null). */
    static Evaluation run(TrainOptions o, PrintStream out, JitWarmup started) throws IOException {
        o.validate();
        o.checkPaths();
        int cores = Runtime.getRuntime().availableProcessors();
        if (o.threads() > cores) {
            // allowed (a container may under-report its cores), but almost always a mistake: the
            // kernels split work evenly, so extra threads only wait for a core and slow each step
            System.err.printf("warning: --threads %d is more than the %s this JVM sees; training will be slower, not faster%n",
                    o.threads(), Words.count(cores, "core"));
        }
        // compile the kernels while the data loads; stopped (not awaited) when training starts
        Data d;
        try (JitWarmup jit = started != null ? started : JitWarmup.start()) {
            d = load(o);
        }
        out.printf("data: %s (%,d train, %,d validation, %,d test, sample shape %s, %d classes)%n", o.dataDir(), d.train.size(),
                d.validation == null ? 0 : d.validation.size(), d.test.size(), Arrays.toString(d.inputShape), d.classes);
        try (ComputePool pool = new ComputePool(o.threads())) {
            if (o.ensemble == 1) return trainOne(o, d, o.seed, pool, out).test;
            List<Predictor> members = new ArrayList<>();
            for (int k = 0; k < o.ensemble; k++) {
                out.printf("ensemble member %d/%d (seed %d)%n", k + 1, o.ensemble, o.seed + k);
                Layer m = trainOne(o, d, o.seed + k, pool, out).model;
                members.add(x -> probabilities(mainColumns(m.forward(x, Context.inference(pool)), d.classes)));
            }
            return evaluateEnsemble(new Ensemble(members), pipeline(d.test, d.inputShape, 512, false, 0));
        }
    }

    private record Result(Layer model, Evaluation test) { }

    private static Result trainOne(TrainOptions o, Data d, long seed, ComputePool pool, PrintStream out) throws IOException {
        Sequential base = buildModel(o, d, seed);
        Layer model = base;
        Loss loss = o.labelSmoothing > 0 ? new SoftmaxCrossEntropy(o.labelSmoothing) : new SoftmaxCrossEntropy();
        MultiTaskLoss tasks = null;
        if (o.multiTask()) {
            List<MultiTask.Aux> aux = o.auxTasks.stream().map(t -> MultiTask.parse(t, d.classes)).toList();
            model = MultiTask.model(base, aux, o.init.initializer, seed);
            loss = tasks = MultiTask.loss(loss, d.classes, aux, MultiTask.weights(o.taskWeights, aux.size() + 1));
            out.printf("tasks: %s%n", describe(tasks));
        }
        StatefulOptimizer opt = optimizer(o, model);
        int batches = (d.train.size() + o.batchSize - 1) / o.batchSize;
        Schedule schedule = schedule(o, (long) batches * o.epochs, batches);
        out.printf("model: %s, %s, lr %s, schedule %s, batch %d, %s, seed %d, %s%n",
                model, opt.describe(), o.learningRate, o.schedule, o.batchSize, Words.count(o.epochs, "epoch"), seed,
                Words.count(pool.threads(), "thread"));

        int firstEpoch = 0;
        long startStep = 0;
        if (o.resume != null) {
            Checkpoint.Info info = CheckpointDir.load(o.resume, model, opt);
            checkSameRun(o.resume, info, specOf(o, tasks), seed, opt.describe());
            if (info.epoch() >= o.epochs) {
                throw new Main.UsageException("--resume " + o.resume + " already holds " + info.epoch() + " epochs; raise --epochs");
            }
            firstEpoch = info.epoch();
            startStep = info.step();
            out.printf("resumed from %s at epoch %d (step %d)%n", o.resume, firstEpoch + 1, startStep);
        }

        Trainer.Builder b = Trainer.builder(model, opt)
                .loss(loss)
                .schedule(schedule).pool(pool).seed(seed).startStep(startStep).batchesPerEpoch(batches)
                .listener(new EpochPrinter(out, batches));
        if (d.validation != null) b.validation(pipeline(d.validation, d.inputShape, 512, false, 0));
        if (opt instanceof RegularizedOptimizer r && r.weightNoise() != null) {
            b.listener(new WeightNoiseListener(r.weightNoise(), model.params(), seed));
        }
        AveragingListener average = null;
        if (o.swa != null) b.listener(average = AveragingListener.swa(o.swa - 1, model.params()));
        else if (o.ema != null) b.listener(average = AveragingListener.ema(o.ema, o.emaCorrection(), model.params()));
        GradientNorms norms = o.gradNorms == null ? null : new GradientNorms(model);
        if (norms != null) b.listener(norms);
        if (o.metricsCsv != null) b.listener(new CsvLogger(o.metricsCsv));
        EarlyStopping early = null;
        if (o.earlyStopping != null) b.listener(early = new EarlyStopping(model, o.monitorMetric(), o.earlyStopping, o.minDelta, true));
        Path checkpointDir = o.checkpoint;
        if (checkpointDir != null) b.listener(new CheckpointDir(checkpointDir, model, opt, specOf(o, tasks), d.inputShape, seed));
        Trainer trainer = b.build();

        long start = System.nanoTime();
        Trainer.History h;
        try {
            h = trainer.fit(pipeline(d.train, d.inputShape, o.batchSize, true, o.inputNoise), firstEpoch, o.epochs);
        } catch (TrainingDivergedException e) {
            throw new IllegalStateException(e.getMessage()
                    + (checkpointDir == null ? "" : "; " + checkpointDir.resolve(CheckpointDir.MODEL) + " holds the last completed epoch"), e);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        long samples = h.epochs().stream().mapToLong(EpochStats::samples).sum();
        out.printf("training throughput: %,.0f samples/s (%,d samples in %.1f s)%n", samples / seconds, samples, seconds);
        if (early != null && early.stopped()) {
            out.printf("early stopping after epoch %d: %s last improved at epoch %d (%.4f); restored epoch %d%n",
                    h.last().epoch() + 1, o.monitorMetric(), early.bestEpoch() + 1, early.bestValue(), early.bestEpoch() + 1);
        }
        if (o.plot != null) TrainingPlots.curves(o.plot, h.epochs());
        if (norms != null) TrainingPlots.gradientNorms(o.gradNorms, norms.names(), norms.perBatch());

        DataStream<Batch> test = pipeline(d.test, d.inputShape, 512, false, 0);
        if (average != null) {
            out.printf("last-iterate test accuracy: %.4f%n", trainer.evaluate(test).accuracy());
            finishAverage(average.average(), model, pipeline(d.train, d.inputShape, o.batchSize, true, 0), pool);
        }
        Evaluation result = trainer.evaluate(test);
        if (average != null) out.printf("%s test accuracy: %.4f%n", o.swa != null ? "SWA" : "EMA", result.accuracy());
        if (tasks != null) {
            double[] acc = MultiTask.accuracies(model, tasks, test, pool);
            for (int t = 1; t < acc.length; t++) out.printf("test accuracy (%s head): %.4f%n", tasks.tasks().get(t).name(), acc[t]);
        }
        return new Result(model, result);
    }

    /**
     * A resumed run must be the run that wrote the checkpoint: its model, seed (the shuffles and
     * dropout masks to come) and optimizer. Weights of the same shapes loaded silently into another
     * model or another optimizer's state, and the run went on as something nobody asked for.
     */
    static void checkSameRun(Path dir, Checkpoint.Info saved, String model, long seed, String optimizer) {
        List<String> differ = new ArrayList<>();
        if (saved.model() != null && !saved.model().equals(model)) differ.add("model " + saved.model() + " (this run: " + model + ")");
        if (saved.seed() != seed) differ.add("seed " + saved.seed() + " (this run: " + seed + ")");
        if (!saved.optimizer().isEmpty() && !saved.optimizer().equals(optimizer)) {
            differ.add("optimizer " + saved.optimizer() + " (this run: " + optimizer + ")");
        }
        if (!differ.isEmpty()) {
            throw new Main.UsageException("--resume " + dir + " was written by a run with " + String.join(", ", differ)
                    + "; resume with the original run's options");
        }
    }

    /** e.g. {@code class (weight 1.0), parity (weight 0.5)}. */
    private static String describe(MultiTaskLoss tasks) {
        List<String> parts = new ArrayList<>();
        for (MultiTaskLoss.Task t : tasks.tasks()) parts.add(t.name() + " (" + t.width() + " outputs, weight " + t.weight() + ")");
        return String.join(", ", parts);
    }

    /** The main task's logits: the first {@code classes} columns of a multi-task output (all of a single-task one). */
    private static Tensor mainColumns(Tensor out, int classes) {
        int n = out.dim(0);
        int total = out.size() / n;
        if (total == classes) return out;
        float[] y = new float[n * classes];
        for (int r = 0; r < n; r++) System.arraycopy(out.data(), r * total, y, r * classes, classes);
        return Tensor.of(y, n, classes);
    }

    /**
     * Copies the averaged weights into the model and, when it has batch-norm statistics, recomputes
     * them with one pass over the training data in training mode (the averaged weights never
     * produced the stored statistics). With momentum 0.1 over the ~60 batches of an MNIST epoch the
     * old statistics keep a weight of 0.9^60 &lt; 0.2%, so no reset is needed.
     */
    private static void finishAverage(WeightAverage average, Layer model, DataStream<Batch> train, ComputePool pool) {
        average.copyTo(model.params());
        if (model.buffers().isEmpty()) return;
        try (Cursor<Batch> c = train.open(0, 0)) {
            int batch = 0;
            while (c.hasNext()) model.forward(c.next().x(), new Context(pool, true, dev.cauce.core.Rng.of(0, 0, batch++, 3)));
        }
    }

    /** The model as recorded in checkpoints: the spec, plus the task heads of a multi-task run. */
    private static String specOf(TrainOptions o, MultiTaskLoss tasks) {
        StringBuilder s = new StringBuilder();
        if (o.model != null) {
            s.append(o.model);
        } else {
            s.append("mlp(");
            for (int i = 0; i < o.hidden.length; i++) s.append(i == 0 ? "" : ",").append(o.hidden[i]);
            s.append(")");
        }
        if (tasks != null) s.append("; tasks: ").append(describe(tasks));
        return s.toString();
    }

    private static Data load(TrainOptions o) throws IOException {
        LabelledData train = LabelledData.loadSplit(o.dataDir(), "train");
        LabelledData test = LabelledData.loadSplit(o.dataDir(), "test");
        int[] sampleShape = Arrays.copyOfRange(train.inputs().shape(), 1, train.inputs().rank());
        if (!Arrays.equals(sampleShape, Arrays.copyOfRange(test.inputs().shape(), 1, test.inputs().rank()))) {
            throw new IOException(o.dataDir() + ": train samples have shape " + Arrays.toString(sampleShape) + " but test samples have "
                    + Arrays.toString(Arrays.copyOfRange(test.inputs().shape(), 1, test.inputs().rank())));
        }
        int classes = Arrays.stream(train.labels()).max().orElse(0) + 1;
        for (int y : test.labels()) {
            if (y < 0 || y >= classes) {
                throw new IOException(o.dataDir() + ": test label " + y + " is outside the " + classes + " classes seen in training");
            }
        }
        int features = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        // the default MLP reads flat vectors; a spec model sees images as (C, H, W) so that conv layers apply
        int[] inputShape = o.model == null ? new int[] {features} : sampleShape.length == 2 ? new int[] {1, sampleShape[0], sampleShape[1]} : sampleShape;
        LabelledData validation = null;
        if (o.validationSplit > 0) {
            int held = (int) Math.round(train.size() * o.validationSplit);
            if (held < 1 || held >= train.size()) {
                throw new Main.UsageException("--validation-split " + o.validationSplit + " of " + train.size() + " samples leaves no validation or no training samples");
            }
            validation = slice(train, train.size() - held, train.size());
            train = slice(train, 0, train.size() - held);
        }
        return new Data(train, validation, test, inputShape, classes);
    }

    /** Samples [from, to) of {@code d}. */
    private static LabelledData slice(LabelledData d, int from, int to) {
        int per = d.inputs().size() / d.size();
        int[] shape = d.inputs().shape().clone();
        shape[0] = to - from;
        float[] x = Arrays.copyOfRange(d.inputs().data(), from * per, to * per);
        return new LabelledData(Tensor.of(x, shape), Arrays.copyOfRange(d.labels(), from, to), d.source());
    }

    private static Sequential buildModel(TrainOptions o, Data d, long seed) {
        if (o.model == null) {
            int[] sizes = new int[o.hidden.length + 2];
            sizes[0] = d.inputShape[0];
            System.arraycopy(o.hidden, 0, sizes, 1, o.hidden.length);
            sizes[sizes.length - 1] = d.classes;
            return Sequential.mlp(sizes, o.init.initializer, seed);
        }
        Sequential m;
        try {
            m = ModelSpec.build(o.model, d.inputShape, o.init.initializer, seed);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--model: " + e.getMessage());
        }
        int[] outShape = m.outputShape(d.inputShape);
        if (outShape.length != 1 || outShape[0] != d.classes) {
            throw new Main.UsageException("--model: the last layer gives shape " + Arrays.toString(outShape) + " per sample but the data has "
                    + d.classes + " classes (end the spec with dense(" + d.classes + "))");
        }
        return m;
    }

    /** The --optimizer spec, wrapped by decoupled weight decay and by penalties/noise/clipping when asked. */
    static StatefulOptimizer optimizer(TrainOptions o, Layer model) {
        StatefulOptimizer opt;
        try {
            opt = Optimizers.parse(o.optimizer);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--optimizer: " + e.getMessage());
        }
        if (o.weightDecay > 0) opt = new DecoupledWeightDecay(opt, o.weightDecay);
        List<Penalty> penalties = new ArrayList<>();
        if (o.l1 > 0) penalties.add(new L1Penalty(o.l1));
        if (o.l2 > 0) penalties.add(new L2Penalty(o.l2));
        WeightNoise noise = o.weightNoise > 0 ? new WeightNoise(o.weightNoise) : null;
        if (penalties.isEmpty() && noise == null && o.clipNorm == 0 && o.clipValue == 0) return opt;
        return new RegularizedOptimizer(opt, penalties, noise, o.clipNorm, o.clipValue);
    }

    private static Schedule schedule(TrainOptions o, long totalSteps, int batchesPerEpoch) {
        Schedule s;
        try {
            s = Schedules.parse(o.schedule, o.learningRate, totalSteps);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--schedule: " + e.getMessage());
        }
        if (o.swa == null) return s;
        long start = (long) (o.swa - 1) * batchesPerEpoch;
        return new SwaRate(s, start, o.swaLr != null ? o.swaLr : o.learningRate / 2, batchesPerEpoch);
    }

    /** Row-wise softmax of logits (N, K). */
    private static Tensor probabilities(Tensor logits) {
        int k = logits.dim(logits.rank() - 1);
        float[] p = new float[logits.size()];
        Softmax.forward(logits.data(), p, k);
        return Tensor.of(p, logits.shape());
    }

    private static Evaluation evaluateEnsemble(Ensemble e, DataStream<Batch> test) {
        double nll = 0;
        long correct = 0;
        long n = 0;
        try (Cursor<Batch> c = test.open(0, 0)) {
            while (c.hasNext()) {
                Batch b = c.next();
                Tensor p = e.predictProba(b.x());
                int[] pred = Ensemble.argmax(p);
                int k = p.dim(1);
                for (int i = 0; i < pred.length; i++) {
                    if (pred[i] == b.labels()[i]) correct++;
                    nll -= Math.log(Math.max(p.data()[i * k + b.labels()[i]], 1e-12));
                }
                n += pred.length;
            }
        }
        return new Evaluation(nll / n, (double) correct / n, n);
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
