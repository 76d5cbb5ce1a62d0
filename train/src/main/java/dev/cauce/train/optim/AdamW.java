package dev.cauce.train.optim;

import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.Param;

import java.util.List;

/**
 * AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay, as
 * {@code torch.optim.AdamW}. For decayed params θ is first shrunk, then the plain {@link Adam}
 * update (no L2 term in g) is applied:
 * <pre>
 *   θ ← θ · (1 − lr·wd)
 *   m_t = β₁·m_{t−1} + (1−β₁)·g,   v_t = β₂·v_{t−1} + (1−β₂)·g²
 *   θ ← θ − (lr / (1−β₁ᵗ)) · m_t / (√v_t / √(1−β₂ᵗ) + ε)
 * </pre>
 * Unlike L2 in Adam, the decay is not divided by √v̂, so every weight shrinks at the same relative
 * rate lr·wd per step. The decay follows the schedule because it is scaled by lr.
 */
public final class AdamW extends AdamBase {
    /**
     * @param beta1       β₁ in [0, 1), default 0.9
     * @param beta2       β₂ in [0, 1), default 0.999
     * @param eps         ε &gt; 0, default 1e-8
     * @param weightDecay decoupled decay wd ≥ 0, PyTorch default 0.01
     */
    public AdamW(double beta1, double beta2, double eps, double weightDecay) {
        super(beta1, beta2, eps, weightDecay);
    }

    /** PyTorch's defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8, wd = 0.01. */
    public AdamW() {
        this(0.9, 0.999, 1e-8, 0.01);
    }

    @Override
    public void step(List<Param> params, double lr) {
        update(params, lr, 0, 1 - lr * weightDecay, ComputePool.single());
    }

    @Override
    public void step(List<Param> params, double lr, ComputePool pool) {
        update(params, lr, 0, 1 - lr * weightDecay, pool);
    }
}
