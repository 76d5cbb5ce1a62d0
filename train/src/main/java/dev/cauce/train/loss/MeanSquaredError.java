package dev.cauce.train.loss;

import dev.cauce.core.Tensor;
import java.util.Arrays;

/**
 * Mean squared error {@code L = (1/M)·Σ (o − t)²} over all M = N·K output values, gradient
 * {@code 2·(o − t)/M} (PyTorch's {@code mse_loss}, mean reduction).
 *
 * <p>With integer labels the target of an (N, K) output with K > 1 is the one-hot vector of the
 * label; with K = 1 it is the label's value. {@link #compute(Tensor, float[])} takes any real targets.
 */
public final class MeanSquaredError implements Loss {
    @Override
    public Value compute(Tensor output, int[] labels) {
        return compute(output, Targets.fromLabels(output, labels, "mse"));
    }

    /** MSE against real-valued targets of the output's size. */
    public Value compute(Tensor output, float[] targets) {
        float[] o = output.data();
        if (targets.length != o.length) {
            throw new IllegalArgumentException("mse: " + targets.length + " targets for an output of shape " + Arrays.toString(output.shape()));
        }
        double sum = 0;
        float[] g = new float[o.length];
        for (int i = 0; i < o.length; i++) {
            double d = (double) o[i] - targets[i];
            sum += d * d;
            g[i] = (float) (2 * d / o.length);
        }
        return new Value(sum / o.length, Tensor.of(g, output.shape()));
    }
}
