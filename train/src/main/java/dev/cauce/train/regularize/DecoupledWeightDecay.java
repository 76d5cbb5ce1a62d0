package dev.cauce.train.regularize;

import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.Optimizer;
import dev.cauce.train.Param;
import dev.cauce.train.optim.StatefulOptimizer;

import java.util.List;
import java.util.Map;

/**
 * Decoupled weight decay (Loshchilov and Hutter, 2019) around any optimizer: before each update
 * of the wrapped optimizer, every decayed param is shrunk
 * <pre>
 *   θ ← θ·(1 − lr·wd)      then      θ ← inner.step(θ, g, lr)
 * </pre>
 * The decay does not go through the gradient, so adaptive optimizers do not rescale it: every weight
 * shrinks by the same fraction lr·wd per step. Around {@link dev.cauce.train.optim.Adam} this is
 * exactly {@link dev.cauce.train.optim.AdamW}; around SGD with momentum it is SGDW (PyTorch order:
 * decay first). Around plain SGD it equals an {@link L2Penalty} of λ = wd. The decay itself has no
 * state; {@link #state} is the wrapped optimizer's (empty if it is not a {@link StatefulOptimizer}).
 */
public final class DecoupledWeightDecay implements StatefulOptimizer {
    private final Optimizer inner;
    private final double weightDecay;

    /**
     * @param inner       the optimizer doing the gradient step (its own weight decay should be 0)
     * @param weightDecay wd ≥ 0
     */
    public DecoupledWeightDecay(Optimizer inner, double weightDecay) {
        if (inner == null) throw new IllegalArgumentException("inner optimizer must not be null");
        this.inner = inner;
        this.weightDecay = RegularizeChecks.nonNegative("weightDecay", weightDecay);
    }

    @Override
    public void step(List<Param> params, double lr) {
        step(params, lr, ComputePool.single());
    }

    @Override
    public void step(List<Param> params, double lr, ComputePool pool) {
        if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be >= 0 and finite, got " + lr);
        float f = (float) (1 - lr * weightDecay);
        if (f != 1f) {
            for (Param p : params) {
                if (!p.decayed()) continue;
                float[] w = p.value;
                for (int i = 0; i < w.length; i++) w[i] *= f;
            }
        }
        inner.step(params, lr, pool);
    }

    @Override
    public Map<String, float[]> state(List<Param> params) {
        return inner instanceof StatefulOptimizer s ? s.state(params) : Map.of();
    }

    @Override
    public void loadState(List<Param> params, Map<String, float[]> state) {
        if (inner instanceof StatefulOptimizer s) s.loadState(params, state);
    }

    @Override
    public String describe() {
        return inner.describe() + "+DecoupledWeightDecay(" + weightDecay + ")";
    }
}
