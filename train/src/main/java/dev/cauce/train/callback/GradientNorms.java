package dev.cauce.train.callback;

import dev.cauce.core.simd.VectorOps;
import dev.cauce.train.BatchProgress;
import dev.cauce.train.EpochStats;
import dev.cauce.train.Param;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.layer.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the L2 norm of each weight's gradient (params that are decayed: dense and conv weights)
 * after every batch, and their mean per epoch: the numbers behind a "vanishing gradients" plot.
 * In a deep sigmoid network the first layer's norm is orders of magnitude below the last's; with
 * ReLU, He initialization and batch normalization they stay comparable.
 */
public final class GradientNorms implements TrainingListener {
    private final List<Param> weights = new ArrayList<>();
    private final List<double[]> perBatch = new ArrayList<>();
    private final List<double[]> perEpoch = new ArrayList<>();
    private double[] epochSum;
    private int epochBatches;

    public GradientNorms(Layer model) {
        for (Param p : model.params()) if (p.decayed()) weights.add(p);
        if (weights.isEmpty()) throw new IllegalArgumentException("model " + model.name() + " has no weights to record");
    }

    /** Names of the recorded weights, first layer first. */
    public List<String> names() {
        return weights.stream().map(Param::name).toList();
    }

    /** Current gradient norms, in {@link #names()} order. */
    public double[] current() {
        double[] n = new double[weights.size()];
        for (int i = 0; i < n.length; i++) n[i] = Math.sqrt(VectorOps.sumOfSquares(weights.get(i).size(), weights.get(i).grad, 0));
        return n;
    }

    @Override
    public void onEpochStart(int epoch, int epochs) {
        epochSum = new double[weights.size()];
        epochBatches = 0;
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        double[] n = current();
        perBatch.add(n);
        for (int i = 0; i < n.length; i++) epochSum[i] += n[i];
        epochBatches++;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        double[] mean = new double[weights.size()];
        for (int i = 0; i < mean.length; i++) mean[i] = epochBatches == 0 ? 0 : epochSum[i] / epochBatches;
        perEpoch.add(mean);
    }

    /** Norms after every batch so far (one array per batch, in {@link #names()} order). */
    public List<double[]> perBatch() {
        return List.copyOf(perBatch);
    }

    /** Mean norm per epoch. */
    public List<double[]> perEpoch() {
        return List.copyOf(perEpoch);
    }
}
