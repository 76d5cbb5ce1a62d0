package dev.cauce.train.loss;

import dev.cauce.core.Tensor;
import java.util.Arrays;

/**
 * Binary cross-entropy on logits (sigmoid fused in, as PyTorch's {@code BCEWithLogitsLoss}):
 * per value {@code ℓ = max(z, 0) − z·y + log(1 + exp(−|z|))}, which equals
 * {@code −y·log σ(z) − (1 − y)·log(1 − σ(z))} without overflow; mean over all M values; gradient
 * {@code (σ(z) − y)/M}.
 *
 * <p>With integer labels: an (N, 1) output takes the label (0 or 1) as target; an (N, K) output
 * takes the one-hot vector. Predictions: z > 0 for one column, else the arg-max.
 */
public final class BinaryCrossEntropy implements Loss {
    @Override
    public Value compute(Tensor output, int[] labels) {
        if (output.size() == labels.length) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw new IllegalArgumentException("binary cross-entropy: label " + labels[i] + " of row " + i + " is not 0 or 1");
                }
            }
        }
        return compute(output, Targets.fromLabels(output, labels, "binary cross-entropy"));
    }

    /** BCE against targets in [0, 1] of the output's size. */
    public Value compute(Tensor logits, float[] targets) {
        float[] z = logits.data();
        if (targets.length != z.length) {
            throw new IllegalArgumentException("binary cross-entropy: " + targets.length + " targets for an output of shape "
                    + Arrays.toString(logits.shape()));
        }
        double sum = 0;
        float[] g = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            double zi = z[i];
            double y = targets[i];
            sum += Math.max(zi, 0) - zi * y + Math.log1p(Math.exp(-Math.abs(zi)));
            g[i] = (float) ((1 / (1 + Math.exp(-zi)) - y) / z.length);
        }
        return new Value(sum / z.length, Tensor.of(g, logits.shape()));
    }

    @Override
    public int[] predict(Tensor output) {
        int n = output.dim(0);
        if (output.size() != n) return Loss.super.predict(output);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = output.data()[i] > 0 ? 1 : 0;
        return p;
    }
}
