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
     * @param loss mean loss over the batch (double: summed in a fixed order)
     * @param grad dL/d(output), same shape as the output
     */
    record Value(double loss, Tensor grad) { }
}
