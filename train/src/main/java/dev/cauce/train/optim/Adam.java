package dev.cauce.train.optim;

import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.Param;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2015), bias-corrected exactly as {@code torch.optim.Adam}. For each
 * parameter θ with gradient g, at its t-th update (t = 1, 2, …):
 * <pre>
 *   g ← g + wd·θ                                  (coupled L2, only for decayed params)
 *   m_t = β₁·m_{t−1} + (1−β₁)·g
 *   v_t = β₂·v_{t−1} + (1−β₂)·g²
 *   θ ← θ − (lr / (1−β₁ᵗ)) · m_t / (√v_t / √(1−β₂ᵗ) + ε)
 * </pre>
 * i.e. θ −= lr·m̂/(√v̂ + ε) with ε added to the bias-corrected root (not inside the sqrt as in
 * Keras). m₀ = v₀ = 0. Moments are float32, one pair per parameter keyed by the {@link Param}
 * object; the step count t is per parameter. For decoupled decay use {@link AdamW}.
 */
public final class Adam extends AdamBase {
    /**
     * @param beta1       β₁ in [0, 1), PyTorch default 0.9
     * @param beta2       β₂ in [0, 1), default 0.999
     * @param eps         ε &gt; 0, default 1e-8
     * @param weightDecay coupled L2 coefficient ≥ 0 (PyTorch's {@code weight_decay}), default 0
     */
    public Adam(double beta1, double beta2, double eps, double weightDecay) {
        super(beta1, beta2, eps, weightDecay);
    }

    /** PyTorch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no weight decay. */
    public Adam() {
        this(0.9, 0.999, 1e-8, 0);
    }

    @Override
    public void step(List<Param> params, double lr) {
        update(params, lr, weightDecay, 1, ComputePool.single());
    }

    @Override
    public void step(List<Param> params, double lr, ComputePool pool) {
        update(params, lr, weightDecay, 1, pool);
    }
}
