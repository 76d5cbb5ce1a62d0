package dev.cauce.train;

import dev.cauce.core.Batch;
import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.loss.Loss;
import dev.cauce.train.loss.SoftmaxCrossEntropy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains a model on a {@code DataStream<Batch>}: for each batch, zero the gradients, run forward,
 * the loss, backward, and one optimizer step with the schedule's rate; listeners are called at
 * epoch and batch start and end.
 *
 * <p>Gradient hooks ({@link Builder#beforeStep}) run between backward and the update.
 *
 * <p>Reproducibility: epoch e of the training stream is opened with {@code open(seed, e)}, and the
 * randomness of batch b (dropout, noise) comes from {@code Rng.of(seed, e, b, 1)}; with the
 * bit-identical kernels of {@code dev.cauce.core.simd}, the same seed gives the same losses with 1
 * or N threads.
 *
 * <p>Throughput bookkeeping: the time spent blocked in the stream's {@code hasNext/next} is the
 * epoch's "data wait"; {@link EpochStats#dataWaitShare()} reports it.
 *
 * <pre>{@code
 * try (var pool = new ComputePool(2)) {
 *     var model = Sequential.mlp(new int[] {784, 256, 128, 10}, Initializer.HE_NORMAL, 42);
 *     var trainer = Trainer.builder(model, optimizer).learningRate(1e-3).pool(pool).seed(42).build();
 *     History h = trainer.fit(train, 10);
 *     Evaluation test = trainer.evaluate(testStream);
 * }
 * }</pre>
 */
public final class Trainer {
    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final ComputePool pool;
    private final long seed;
    private final List<TrainingListener> listeners;
    private final DataStream<Batch> validation;
    private final List<Param> params;
    private final List<Consumer<List<Param>>> beforeStep;
    private int knownBatchesPerEpoch;
    private long step;

    private Trainer(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.schedule = b.schedule;
        this.pool = b.pool;
        this.seed = b.seed;
        this.listeners = List.copyOf(b.listeners);
        this.validation = b.validation;
        this.knownBatchesPerEpoch = b.batchesPerEpoch;
        this.step = b.startStep;
        this.params = model.params();
        this.beforeStep = List.copyOf(b.beforeStep);
    }

    /** Starts a trainer for {@code model} updated by {@code optimizer}. */
    public static Builder builder(Layer model, Optimizer optimizer) {
        return new Builder(model, optimizer);
    }

    public Layer model() {
        return model;
    }

    /** Number of optimizer updates done so far. */
    public long step() {
        return step;
    }

    /** Trains for epochs 0..epochs-1. */
    public History fit(DataStream<Batch> train, int epochs) {
        return fit(train, 0, epochs);
    }

    /**
     * Trains epochs {@code firstEpoch..epochs-1} (a resumed run starts past 0 and sees the same data
     * order and randomness as an uninterrupted one). Stops early when a listener asks.
     *
     * @throws TrainingDivergedException when a batch loss is NaN or infinite (parameters are left as
     *                                    they were before that batch's update)
     */
    public History fit(DataStream<Batch> train, int firstEpoch, int epochs) {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (firstEpoch < 0 || firstEpoch > epochs) throw new IllegalArgumentException("firstEpoch must be in [0, " + epochs + "], got " + firstEpoch);
        List<EpochStats> history = new ArrayList<>();
        for (int epoch = firstEpoch; epoch < epochs; epoch++) {
            EpochStats stats = trainEpoch(train, epoch, epochs);
            history.add(stats);
            for (TrainingListener l : listeners) l.onEpochEnd(stats);
            if (listeners.stream().anyMatch(TrainingListener::stopRequested)) break;
        }
        History h = new History(history);
        for (TrainingListener l : listeners) l.onTrainEnd(h);
        return h;
    }

    private EpochStats trainEpoch(DataStream<Batch> train, int epoch, int epochs) {
        for (TrainingListener l : listeners) l.onEpochStart(epoch, epochs);
        long start = System.nanoTime();
        long waitNanos = 0;
        double lossSum = 0;
        long correct = 0;
        long samples = 0;
        int batch = 0;
        try (Cursor<Batch> cursor = train.open(seed, epoch)) {
            while (true) {
                long w0 = System.nanoTime();
                boolean more = cursor.hasNext();
                Batch b = more ? cursor.next() : null;
                waitNanos += System.nanoTime() - w0;
                if (!more) break;
                for (TrainingListener l : listeners) l.onBatchStart(epoch, batch);
                for (Param p : params) p.zeroGrad();
                Context ctx = new Context(pool, true, Rng.of(seed, epoch, batch, 1));
                Tensor out = model.forward(b.x(), ctx);
                Loss.Value v = loss.compute(out, b.labels());
                if (!Double.isFinite(v.loss())) throw new TrainingDivergedException(epoch, batch, v.loss());
                model.backward(v.grad(), ctx, false);
                for (Consumer<List<Param>> hook : beforeStep) hook.accept(params);
                double lr = schedule.rate(step);
                optimizer.step(params, lr, pool);
                lossSum += v.loss() * b.size();
                correct += countCorrect(loss.predict(out), b.labels());
                samples += b.size();
                BatchProgress progress = new BatchProgress(epoch, batch, knownBatchesPerEpoch, b.size(), v.loss(), step, lr);
                step++;
                batch++;
                for (TrainingListener l : listeners) l.onBatchEnd(progress);
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (samples == 0) throw new IllegalArgumentException("the training stream gave no batches in epoch " + (epoch + 1));
        knownBatchesPerEpoch = batch;
        Evaluation val = validation == null ? null : evaluate(validation);
        return new EpochStats(epoch, lossSum / samples, (double) correct / samples, samples, batch, seconds,
                waitNanos * 1e-9, val);
    }

    /** Evaluates this trainer's model with its loss on {@code stream} (inference mode). */
    public Evaluation evaluate(DataStream<Batch> stream) {
        return evaluate(model, loss, stream, pool);
    }

    /** Evaluation batches larger than this run in pieces of this many rows. */
    static final int EVAL_ROWS = 128;

    /**
     * Loss and accuracy of {@code model} over all batches of {@code stream} (opened with seed 0, epoch 0).
     * Batches above {@value #EVAL_ROWS} rows are evaluated in pieces of that size: the results are
     * the same (up to the order of the double loss sum), and the activations of a large evaluation
     * batch (a 500-image CNN batch holds ~100 MB) no longer outlive young collections.
     */
    public static Evaluation evaluate(Layer model, Loss loss, DataStream<Batch> stream, ComputePool pool) {
        // each output is read (loss, predictions) before the next forward, so layers may reuse their arrays
        Context ctx = Context.scratchInference(pool);
        double lossSum = 0;
        long correct = 0;
        long samples = 0;
        try (Cursor<Batch> cursor = stream.open(0, 0)) {
            while (cursor.hasNext()) {
                Batch b = cursor.next();
                for (int from = 0; from < b.size(); from += EVAL_ROWS) {
                    int to = Math.min(b.size(), from + EVAL_ROWS);
                    Tensor x = to - from == b.size() ? b.x() : rows(b.x(), from, to);
                    int[] labels = to - from == b.size() ? b.labels() : java.util.Arrays.copyOfRange(b.labels(), from, to);
                    Tensor out = model.forward(x, ctx);
                    lossSum += loss.compute(out, labels).loss() * labels.length;
                    correct += countCorrect(loss.predict(out), labels);
                }
                samples += b.size();
            }
        }
        if (samples == 0) throw new IllegalArgumentException("the evaluation stream gave no samples");
        return new Evaluation(lossSum / samples, (double) correct / samples, samples);
    }

    /** Rows [from, to) of an (N, ...) tensor. */
    private static Tensor rows(Tensor x, int from, int to) {
        int per = x.size() / x.dim(0);
        int[] shape = x.shape().clone();
        shape[0] = to - from;
        return Tensor.of(java.util.Arrays.copyOfRange(x.data(), from * per, to * per), shape);
    }

    private static long countCorrect(int[] pred, int[] labels) {
        long c = 0;
        for (int i = 0; i < pred.length; i++) if (pred[i] == labels[i]) c++;
        return c;
    }

    /** Per-epoch statistics of a {@link #fit} call. */
    public record History(List<EpochStats> epochs) {
        public History {
            epochs = List.copyOf(epochs);
        }

        public EpochStats last() {
            return epochs.getLast();
        }

        /** Training loss of every epoch, in order. */
        public double[] losses() {
            return epochs.stream().mapToDouble(EpochStats::loss).toArray();
        }
    }

    /** Configures a {@link Trainer}; defaults: softmax cross-entropy, learning rate 1e-3, one thread, seed 0. */
    public static final class Builder {
        private final Layer model;
        private final Optimizer optimizer;
        private Loss loss = new SoftmaxCrossEntropy();
        private Schedule schedule = Schedule.constant(1e-3);
        private ComputePool pool;
        private long seed;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private DataStream<Batch> validation;
        private int batchesPerEpoch = -1;
        private long startStep;
        private final List<Consumer<List<Param>>> beforeStep = new ArrayList<>();

        private Builder(Layer model, Optimizer optimizer) {
            this.model = Objects.requireNonNull(model, "model");
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        public Builder loss(Loss loss) {
            this.loss = Objects.requireNonNull(loss, "loss");
            return this;
        }

        public Builder learningRate(double lr) {
            this.schedule = Schedule.constant(lr);
            return this;
        }

        public Builder schedule(Schedule schedule) {
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            return this;
        }

        /** The compute pool shared by all kernels (not closed by the trainer). */
        public Builder pool(ComputePool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Evaluated after every epoch; the result is in {@link EpochStats#validation()}. */
        public Builder validation(DataStream<Batch> validation) {
            this.validation = validation;
            return this;
        }

        /** Hint for progress bars in the first epoch (later epochs know the count). */
        public Builder batchesPerEpoch(int n) {
            if (n < 1) throw new IllegalArgumentException("batchesPerEpoch must be >= 1, got " + n);
            this.batchesPerEpoch = n;
            return this;
        }

        /**
         * Runs after backward and before the optimizer step of every batch, in the order added:
         * the place for gradient clipping ({@code params -> GradientClipping.clipByGlobalNorm(params, 1.0)})
         * and for adding L1/L2 penalty gradients.
         */
        public Builder beforeStep(Consumer<List<Param>> hook) {
            beforeStep.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /** The update count to continue from (a resumed run: the schedule continues from here). */
        public Builder startStep(long step) {
            if (step < 0) throw new IllegalArgumentException("startStep must be >= 0, got " + step);
            this.startStep = step;
            return this;
        }

        public Trainer build() {
            if (pool == null) pool = ComputePool.single();
            return new Trainer(this);
        }
    }
}
