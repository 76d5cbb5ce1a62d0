package dev.cauce.train.optim;

import dev.cauce.train.Param;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent, plain or with (Nesterov) momentum, in PyTorch's form
 * ({@code torch.optim.SGD}, dampening 0). For each parameter θ with gradient g:
 * <pre>
 *   g ← g + wd·θ                      (L2 weight decay, only if wd &gt; 0 and the param is decayed)
 *   b₁ = g,  b_t = μ·b_{t−1} + g       (momentum buffer, only if μ &gt; 0)
 *   θ ← θ − lr·b_t                    (momentum)
 *   θ ← θ − lr·(g + μ·b_t)            (Nesterov)
 *   θ ← θ − lr·g                      (plain, μ = 0)
 * </pre>
 * The course form {@code m = μ·m − lr·g; θ += m} gives the same trajectory ({@code m = −lr·b})
 * only while the rate is constant; PyTorch's buffer is not scaled by the rate, so a schedule acts
 * on the whole step immediately. {@link Param#grad} is read, never modified.
 *
 * <p>The momentum buffer is float32, one per parameter, keyed by the {@link Param} object itself
 * (identity) and allocated on that parameter's first step.
 */
public final class Sgd implements StatefulOptimizer {
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final Map<Param, float[]> buffers = new IdentityHashMap<>();

    /**
     * @param momentum    μ in [0, 1); 0 for plain SGD
     * @param nesterov    Nesterov momentum (requires μ &gt; 0)
     * @param weightDecay L2 coefficient wd ≥ 0 added to the gradient of decayed params
     */
    public Sgd(double momentum, boolean nesterov, double weightDecay) {
        this.momentum = Checks.unitInterval("momentum", momentum);
        if (nesterov && momentum == 0) throw new IllegalArgumentException("nesterov requires momentum > 0, got momentum " + momentum);
        this.nesterov = nesterov;
        this.weightDecay = Checks.nonNegative("weight_decay", weightDecay);
    }

    /** Plain SGD: θ ← θ − lr·g. */
    public static Sgd plain() {
        return new Sgd(0, false, 0);
    }

    /** Heavy-ball momentum μ (PyTorch form). */
    public static Sgd momentum(double mu) {
        return new Sgd(mu, false, 0);
    }

    /** Nesterov momentum μ (PyTorch form). */
    public static Sgd nesterov(double mu) {
        return new Sgd(mu, true, 0);
    }

    @Override
    public void step(List<Param> params, double lr) {
        Checks.learningRate(lr);
        float rate = (float) lr;
        for (Param p : params) {
            float wd = p.decayed() ? (float) weightDecay : 0f;
            if (momentum == 0) {
                plainStep(p.value, p.grad, rate, wd);
            } else {
                float[] buf = buffers.computeIfAbsent(p, q -> new float[q.size()]);
                if (nesterov) {
                    nesterovStep(p.value, p.grad, buf, rate, wd, (float) momentum);
                } else {
                    momentumStep(p.value, p.grad, buf, rate, wd, (float) momentum);
                }
            }
        }
    }

    private static void plainStep(float[] w, float[] g, float lr, float wd) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * (g[i] + wd * w[i]);
        }
    }

    // The buffer starts at zero, so the first b = μ·0 + g = g exactly: PyTorch's b₁ = g needs no branch.
    // One fused, branch-free pass per variant so C2 vectorizes it and each array is read once.
    private static void momentumStep(float[] w, float[] g, float[] b, float lr, float wd, float mu) {
        for (int i = 0; i < w.length; i++) {
            float bi = mu * b[i] + (g[i] + wd * w[i]);
            b[i] = bi;
            w[i] -= lr * bi;
        }
    }

    private static void nesterovStep(float[] w, float[] g, float[] b, float lr, float wd, float mu) {
        for (int i = 0; i < w.length; i++) {
            float gi = g[i] + wd * w[i];
            float bi = mu * b[i] + gi;
            b[i] = bi;
            w[i] -= lr * (gi + mu * bi);
        }
    }

    @Override
    public Map<String, float[]> state(List<Param> params) {
        return StateMaps.export(buffers, params, "momentum_buffer");
    }

    @Override
    public void loadState(List<Param> params, Map<String, float[]> state) {
        StateMaps.load(buffers, params, state, "momentum_buffer");
    }

    @Override
    public String describe() {
        String kind = momentum == 0 ? "SGD" : nesterov ? "SGD-Nesterov" : "SGD-momentum";
        return kind + "(momentum=" + momentum + ", weight_decay=" + weightDecay + ")";
    }
}
