package dev.cauce.train.loss;

import dev.cauce.core.Tensor;

/** A training objective over a batch of model outputs with integer class labels. */
public interface Loss {
    /**
     * The mean loss over the batch and its gradient with respect to {@code output}.
     *
     * @param output model outputs, shape (N, ...)
     * @param labels one label per row
     */
    Value compute(Tensor output, int[] labels);

    /**
     * Class predictions used for the accuracy the trainer reports: by default the arg-max of each
     * output row (the first maximum wins ties).
     */
    default int[] predict(Tensor output) {
        return argmaxRows(output);
    }

    /** The index of the largest value in each row of an (N, ...) tensor (the first maximum wins ties). */
    static int[] argmaxRows(Tensor output) {
        int n = output.dim(0);
        int k = output.size() / Math.max(1, n);
        float[] z = output.data();
        int[] pred = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) if (z[i * k + j] > z[i * k + best]) best = j;
            pred[i] = best;
        }
        return pred;
    }

    /**
     * @param loss mean loss over the batch (double: summed in a fixed order)
     * @param grad dL/d(output), same shape as the output
     */
    record Value(double loss, Tensor grad) { }
}
