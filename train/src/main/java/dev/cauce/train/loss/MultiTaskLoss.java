package dev.cauce.train.loss;

import dev.cauce.core.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Weighted sum of per-task losses over side-by-side head outputs (see
 * {@link dev.cauce.train.layer.MultiHead}): {@code L = Σ_t w_t·L_t(output columns of t, labels_t)},
 * gradient {@code w_t·dL_t} in each task's columns. Each task derives its labels from the batch
 * labels (e.g. digit → parity with {@code y -> y % 2}). The trainer's accuracy is the first task's.
 */
public final class MultiTaskLoss implements Loss {
    /**
     * @param name   for reports
     * @param width  number of output columns of this task's head
     * @param labels maps a batch label to this task's label
     */
    public record Task(String name, Loss loss, double weight, int width, IntUnaryOperator labels) {
        public Task {
            if (width < 1) throw new IllegalArgumentException("task " + name + ": width must be >= 1, got " + width);
            if (!(weight >= 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("task " + name + ": weight must be finite and >= 0, got " + weight);
        }
    }

    private final List<Task> tasks;
    private final int total;

    public MultiTaskLoss(List<Task> tasks) {
        if (tasks.isEmpty()) throw new IllegalArgumentException("multi-task loss needs at least one task");
        this.tasks = List.copyOf(tasks);
        this.total = tasks.stream().mapToInt(Task::width).sum();
    }

    public List<Task> tasks() {
        return tasks;
    }

    /** The columns of task {@code t} as an (N, width) tensor. */
    public Tensor slice(Tensor output, int t) {
        int n = output.dim(0);
        if (output.size() != n * total) {
            throw new IllegalArgumentException("multi-task output has " + output.size() / Math.max(1, n) + " columns, tasks need " + total);
        }
        int col = 0;
        for (int i = 0; i < t; i++) col += tasks.get(i).width();
        int w = tasks.get(t).width();
        float[] out = new float[n * w];
        for (int r = 0; r < n; r++) System.arraycopy(output.data(), r * total + col, out, r * w, w);
        return Tensor.of(out, n, w);
    }

    /** Task {@code t}'s labels for the batch labels. */
    public int[] labels(int[] labels, int t) {
        IntUnaryOperator f = tasks.get(t).labels();
        int[] out = new int[labels.length];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsInt(labels[i]);
        return out;
    }

    /** Each task's own (unweighted) loss on this batch, in task order. */
    public List<Value> perTask(Tensor output, int[] labels) {
        List<Value> vs = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) vs.add(tasks.get(t).loss().compute(slice(output, t), labels(labels, t)));
        return vs;
    }

    @Override
    public Value compute(Tensor output, int[] labels) {
        List<Value> vs = perTask(output, labels);
        int n = labels.length;
        float[] grad = new float[n * total];
        double sum = 0;
        int col = 0;
        for (int t = 0; t < tasks.size(); t++) {
            Task task = tasks.get(t);
            sum += task.weight() * vs.get(t).loss();
            float[] g = vs.get(t).grad().data();
            float w = (float) task.weight();
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < task.width(); j++) grad[r * total + col + j] = w * g[r * task.width() + j];
            }
            col += task.width();
        }
        return new Value(sum, Tensor.of(grad, n, total));
    }

    @Override
    public int[] predict(Tensor output) {
        return tasks.getFirst().loss().predict(slice(output, 0));
    }
}
