package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.train.Param;
import java.util.List;

/**
 * A differentiable building block with its forward and backward pass side by side.
 *
 * <p>Contract: {@link #forward} caches what backward needs (its input, a mask, ...);
 * {@link #backward} receives dL/d(output) of the most recent forward, <em>adds</em> the gradients of
 * its parameters into {@link Param#grad} (the trainer zeroes them before each batch, so gradients
 * of several losses or micro-batches accumulate as in PyTorch), and returns dL/d(input). Inputs and
 * outputs have a leading batch axis N. A layer never modifies its input tensor.
 */
public interface Layer {
    /** Short unique name used for parameter names, logs and checkpoints, e.g. {@code dense1}. */
    String name();

    /** Trainable parameters (empty for parameter-free layers). */
    default List<Param> params() {
        return List.of();
    }

    /**
     * Non-trainable state saved in checkpoints (e.g. batch-norm running statistics); the optimizer
     * never sees these, and their {@code grad} arrays are unused.
     */
    default List<Param> buffers() {
        return List.of();
    }

    /** Layers nested inside this one (blocks and containers), for walking a model; none by default. */
    default List<Layer> children() {
        return List.of();
    }

    /**
     * Shape of one output sample for a given input sample shape (without the batch axis).
     *
     * @throws IllegalArgumentException naming the layer when the input shape does not fit
     */
    int[] outputShape(int[] inputShape);

    /** Forward pass over a batch. */
    Tensor forward(Tensor x, Context ctx);

    /**
     * Backward pass for the most recent forward.
     *
     * @param gradOutput    dL/d(output), same shape as the last output
     * @param needInputGrad false for the first layer of a model: skip computing dL/d(input)
     * @return dL/d(input), or null when {@code needInputGrad} is false
     */
    Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad);
}
