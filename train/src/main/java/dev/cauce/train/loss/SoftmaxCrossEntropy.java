package dev.cauce.train.loss;

import dev.cauce.core.Tensor;
import java.util.Arrays;

/**
 * Softmax followed by cross-entropy, fused for stability, over logits (N, K) and class labels.
 *
 * <p>With target distribution {@code q} (one-hot, or with label smoothing ε:
 * {@code q = (1−ε)·onehot + ε/K}), the per-row loss is
 * {@code −Σ_k q_k·log softmax(z)_k = logsumexp(z) − Σ_k q_k·z_k}, where
 * {@code logsumexp(z) = max(z) + log Σ_k exp(z_k − max(z))} never overflows. The loss is the mean
 * over rows and its gradient is {@code (softmax(z) − q) / N} (PyTorch's
 * {@code cross_entropy(label_smoothing=ε)} convention). Computed in double, rows in order.
 */
public final class SoftmaxCrossEntropy implements Loss {
    private final double smoothing;

    public SoftmaxCrossEntropy() {
        this(0.0);
    }

    /** @param labelSmoothing ε in [0, 1) */
    public SoftmaxCrossEntropy(double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("labelSmoothing must be in [0, 1), got " + labelSmoothing);
        }
        this.smoothing = labelSmoothing;
    }

    public double labelSmoothing() {
        return smoothing;
    }

    @Override
    public Value compute(Tensor logits, int[] labels) {
        if (logits.rank() != 2 || logits.dim(0) != labels.length) {
            throw new IllegalArgumentException("softmax cross-entropy expects logits (N, K) with N = " + labels.length
                    + " labels, got " + Arrays.toString(logits.shape()));
        }
        int n = labels.length;
        int k = logits.dim(1);
        float[] z = logits.data();
        float[] grad = new float[z.length];
        double offTarget = smoothing / k;
        double onTarget = 1 - smoothing + offTarget;
        double total = 0;
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y < 0 || y >= k) throw new IllegalArgumentException("label " + y + " of row " + i + " is outside [0, " + k + ")");
            int base = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) max = Math.max(max, z[base + j]);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[j] = Math.exp(z[base + j] - max);
                sum += p[j];
            }
            double lse = max + Math.log(sum);
            double dotQz = 0;
            for (int j = 0; j < k; j++) {
                double q = j == y ? onTarget : offTarget;
                dotQz += q * z[base + j];
                grad[base + j] = (float) ((p[j] / sum - q) / n);
            }
            total += lse - dotQz;
        }
        return new Value(total / n, Tensor.of(grad, n, k));
    }
}
