package dev.cauce.train.optim;

import dev.cauce.train.Optimizer;
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
public final class Sgd implements Optimizer {
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
                float[] buf = buffers.get(p);
                boolean first = buf == null;
                if (first) {
                    buf = new float[p.size()];
                    buffers.put(p, buf);
                }
                momentumStep(p.value, p.grad, buf, first, rate, wd, (float) momentum, nesterov);
            }
        }
    }

    private static void plainStep(float[] w, float[] g, float lr, float wd) {
        for (int i = 0; i < w.length; i++) {
            w[i] -= lr * (g[i] + wd * w[i]);
        }
    }

    // Kept as separate simple loops (no per-element branch on nesterov/first) so C2 vectorizes them.
    private static void momentumStep(float[] w, float[] g, float[] b, boolean first, float lr, float wd, float mu, boolean nesterov) {
        int n = w.length;
        if (first) {
            for (int i = 0; i < n; i++) b[i] = g[i] + wd * w[i];
        } else {
            for (int i = 0; i < n; i++) b[i] = mu * b[i] + (g[i] + wd * w[i]);
        }
        if (nesterov) {
            for (int i = 0; i < n; i++) w[i] -= lr * ((g[i] + wd * w[i]) + mu * b[i]);
        } else {
            for (int i = 0; i < n; i++) w[i] -= lr * b[i];
        }
    }

    @Override
    public String describe() {
        String kind = momentum == 0 ? "SGD" : nesterov ? "SGD-Nesterov" : "SGD-momentum";
        return kind + "(momentum=" + momentum + ", weight_decay=" + weightDecay + ")";
    }
}
