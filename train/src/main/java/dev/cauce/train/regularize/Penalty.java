package dev.cauce.train.regularize;

import dev.cauce.train.Param;

import java.util.List;

/**
 * A weight penalty Ω(θ) added to the loss: {@link #apply} returns Ω over the decayed params
 * ({@link Param#decayed()}; biases and normalization scales are exempt) and adds ∂Ω/∂θ to their
 * gradients. Call it after backward, before clipping and the optimizer step, and add the returned
 * value to the reported loss.
 */
public sealed interface Penalty permits L1Penalty, L2Penalty {
    /** Ω(θ) over the decayed params, without touching gradients. */
    double value(List<Param> params);

    /** Adds ∂Ω/∂θ to {@link Param#grad} of every decayed param and returns Ω(θ). */
    double apply(List<Param> params);
}
