package dev.cauce.cli;

import dev.cauce.core.Batch;
import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.Initializer;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Dense;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.layer.MultiHead;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.loss.BinaryCrossEntropy;
import dev.cauce.train.loss.Loss;
import dev.cauce.train.loss.MultiTaskLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The multi-task form of {@code cauce train}: the model's last Dense layer is the main (class)
 * head, everything before it is the shared trunk, and each {@code --aux-task} adds a Dense head on
 * the trunk's output whose labels are derived from the class label. The loss is the weighted sum
 * of the tasks' losses ({@code --task-weights}); the trainer's accuracy is the main task's.
 */
final class MultiTask {
    private static final Pattern CALL = Pattern.compile("(ge|mod)\\((\\d+)\\)");

    /** One auxiliary task: a name for reports, the head width, its loss and the label it derives. */
    record Aux(String name, int width, Loss loss, IntUnaryOperator labels) { }

    private MultiTask() { }

    /**
     * Parses an {@code --aux-task} spec: {@code parity} (label mod 2, one sigmoid output),
     * {@code ge(T)} (label &gt;= T, one sigmoid output), {@code mod(K)} (label mod K, K-way softmax).
     */
    static Aux parse(String spec, int classes) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("parity")) return new Aux("parity", 1, new BinaryCrossEntropy(), y -> y % 2);
        Matcher m = CALL.matcher(s);
        if (!m.matches()) throw new Main.UsageException("--aux-task: '" + spec + "' is not one of parity, ge(T), mod(K)");
        int v = Integer.parseInt(m.group(2));
        if (m.group(1).equals("ge")) {
            if (v < 1 || v >= classes) throw new Main.UsageException("--aux-task ge(T): T must be in [1, " + (classes - 1) + "] so both answers occur, got " + v);
            return new Aux("ge" + v, 1, new BinaryCrossEntropy(), y -> y >= v ? 1 : 0);
        }
        if (v < 2 || v > classes) throw new Main.UsageException("--aux-task mod(K): K must be in [2, " + classes + "], got " + v);
        return new Aux("mod" + v, v, new dev.cauce.train.loss.SoftmaxCrossEntropy(), y -> y % v);
    }

    /** The task weights: one per task (main first), all 1 when none are given. */
    static double[] weights(List<Double> given, int tasks) {
        double[] w = new double[tasks];
        if (given == null || given.isEmpty()) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        if (given.size() != tasks) {
            throw new Main.UsageException("--task-weights needs " + tasks + " values (the main task, then each --aux-task), got " + given.size());
        }
        for (int i = 0; i < tasks; i++) {
            double v = given.get(i);
            if (!(v >= 0) || Double.isInfinite(v)) throw new Main.UsageException("--task-weights: weight " + (i + 1) + " must be a finite number >= 0, got " + v);
            w[i] = v;
        }
        return w;
    }

    /**
     * Splits {@code model} into trunk and main head (its last layer, which must be Dense) and adds
     * one Dense head per auxiliary task, with weights drawn from {@code Rng.seeded(seed).child(1000 + i)}
     * (apart from the trunk's streams).
     */
    static MultiHead model(Sequential model, List<Aux> aux, Initializer init, long seed) {
        List<Layer> layers = model.layers();
        if (!(layers.getLast() instanceof Dense main) || layers.size() < 2) {
            throw new Main.UsageException("--aux-task needs a model whose last layer is dense(classes) after at least one other layer");
        }
        Sequential trunk = new Sequential("trunk", layers.subList(0, layers.size() - 1));
        List<Layer> heads = new ArrayList<>();
        heads.add(main);
        Rng root = Rng.seeded(seed);
        for (int i = 0; i < aux.size(); i++) {
            heads.add(new Dense("head_" + aux.get(i).name(), main.inputSize(), aux.get(i).width(), init, root.child(1000 + i)));
        }
        return new MultiHead("multitask", trunk, heads);
    }

    /** The weighted loss: the main task first (label as is), then each auxiliary task. */
    static MultiTaskLoss loss(Loss main, int classes, List<Aux> aux, double[] weights) {
        List<MultiTaskLoss.Task> tasks = new ArrayList<>();
        tasks.add(new MultiTaskLoss.Task("class", main, weights[0], classes, y -> y));
        for (int i = 0; i < aux.size(); i++) {
            Aux a = aux.get(i);
            tasks.add(new MultiTaskLoss.Task(a.name(), a.loss(), weights[i + 1], a.width(), a.labels()));
        }
        return new MultiTaskLoss(tasks);
    }

    /** Accuracy of every task on {@code stream}, in task order (inference mode). */
    static double[] accuracies(Layer model, MultiTaskLoss loss, DataStream<Batch> stream, ComputePool pool) {
        int t = loss.tasks().size();
        long[] correct = new long[t];
        long n = 0;
        Context ctx = Context.inference(pool);
        try (Cursor<Batch> c = stream.open(0, 0)) {
            while (c.hasNext()) {
                Batch b = c.next();
                Tensor out = model.forward(b.x(), ctx);
                for (int i = 0; i < t; i++) {
                    int[] pred = loss.tasks().get(i).loss().predict(loss.slice(out, i));
                    int[] labels = loss.labels(b.labels(), i);
                    for (int r = 0; r < pred.length; r++) if (pred[r] == labels[r]) correct[i]++;
                }
                n += b.size();
            }
        }
        double[] acc = new double[t];
        for (int i = 0; i < t; i++) acc[i] = (double) correct[i] / n;
        return acc;
    }
}
