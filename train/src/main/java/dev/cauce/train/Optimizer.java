package dev.cauce.train;

import java.util.List;

/**
 * Updates parameters from their gradients. An optimizer keeps its own per-parameter state (momentum
 * buffers, moment estimates, step counts); the learning rate of each update comes from outside,
 * from a {@link Schedule}, as with PyTorch's optimizers and schedulers.
 */
public interface Optimizer {
    /** Applies one update to every param with learning rate {@code lr}. */
    void step(List<Param> params, double lr);

    /** Name and hyper-parameters, for logs and checkpoints. */
    String describe();
}
