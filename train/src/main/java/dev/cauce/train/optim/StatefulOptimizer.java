package dev.cauce.train.optim;

import dev.cauce.train.Optimizer;
import dev.cauce.train.Param;

import java.util.List;
import java.util.Map;

/**
 * An optimizer whose per-parameter state can be written into a checkpoint and read back, so that a
 * resumed run continues the same trajectory (momentum buffers and moment estimates included).
 *
 * <p>State is a flat map of float arrays, easy to store as safetensors tensors: key
 * {@code "<param name>.<slot>"} with PyTorch's slot names ({@code momentum_buffer}; {@code exp_avg},
 * {@code exp_avg_sq}, {@code step}; {@code square_avg}). A step count is a one-element array holding
 * the count as a float, as PyTorch stores it (exact up to 2²⁴ steps). Params not stepped yet have no
 * entries. Param names must be unique.
 */
public interface StatefulOptimizer extends Optimizer {
    /** A copy of the state of the given params. */
    Map<String, float[]> state(List<Param> params);

    /**
     * Replaces the state of the given params with the entries of {@code state} (params without
     * entries start fresh). Entries of the wrong length are an {@link IllegalArgumentException}
     * naming the key.
     */
    void loadState(List<Param> params, Map<String, float[]> state);
}
