package dev.cauce.train;

import dev.cauce.core.simd.ComputePool;
import java.util.List;

/**
 * Updates parameters from their gradients. An optimizer keeps its own per-parameter state (momentum
 * buffers, moment estimates, step counts); the learning rate of each update comes from outside,
 * from a {@link Schedule}, as with PyTorch's optimizers and schedulers.
 */
public interface Optimizer {
    /** Applies one update to every param with learning rate {@code lr}. */
    void step(List<Param> params, double lr);

    /**
     * The same update, with the element-wise work over large params split across {@code pool}'s
     * threads. Each thread updates disjoint ranges, so the result is bit-identical to
     * {@link #step(List, double)} whatever the thread count. The trainer calls this one; the default
     * runs on the calling thread.
     */
    default void step(List<Param> params, double lr, ComputePool pool) {
        step(params, lr);
    }

    /** Name and hyper-parameters, for logs and checkpoints. */
    String describe();
}
