package dev.cauce.train.optim;

import dev.cauce.train.Param;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSProp (Hinton's lecture 6e) in the form of {@code torch.optim.RMSprop} (centered = false,
 * momentum = 0). For each parameter θ with gradient g:
 * <pre>
 *   g ← g + wd·θ                         (coupled L2, only for decayed params)
 *   v_t = α·v_{t−1} + (1−α)·g²            (v₀ = 0)
 *   θ ← θ − lr · g / (√v_t + ε)
 * </pre>
 * ε is <em>outside</em> the square root (Keras/TensorFlow put it inside, √(v+ε)) and there is no
 * bias correction, so the first steps are large: the first one is lr·g/(√(1−α)·|g|) ≈ 10·lr·sign(g)
 * for α = 0.99. The running average v is float32, one per parameter keyed by {@link Param} identity.
 */
public final class RmsProp implements StatefulOptimizer {
    private final double alpha;
    private final double eps;
    private final double weightDecay;
    private final Map<Param, float[]> squares = new IdentityHashMap<>();

    /**
     * @param alpha       smoothing constant α in [0, 1), PyTorch default 0.99
     * @param eps         ε &gt; 0, default 1e-8
     * @param weightDecay coupled L2 coefficient ≥ 0, default 0
     */
    public RmsProp(double alpha, double eps, double weightDecay) {
        this.alpha = Checks.unitInterval("alpha", alpha);
        this.eps = Checks.positive("eps", eps);
        this.weightDecay = Checks.nonNegative("weight_decay", weightDecay);
    }

    /** PyTorch's defaults: α = 0.99, ε = 1e-8, no weight decay. */
    public RmsProp() {
        this(0.99, 1e-8, 0);
    }

    @Override
    public void step(List<Param> params, double lr) {
        Checks.learningRate(lr);
        for (Param p : params) {
            float[] v = squares.computeIfAbsent(p, q -> new float[q.size()]);
            update(p.value, p.grad, v, (float) alpha, (float) (1 - alpha), (float) lr, (float) eps,
                    p.decayed() ? (float) weightDecay : 0f);
        }
    }

    private static void update(float[] w, float[] grad, float[] v, float a, float c, float lr, float eps, float wd) {
        for (int i = 0; i < w.length; i++) {
            float g = grad[i] + wd * w[i];
            float vi = a * v[i] + c * g * g;
            v[i] = vi;
            w[i] -= lr * g / ((float) Math.sqrt(vi) + eps);
        }
    }

    @Override
    public Map<String, float[]> state(List<Param> params) {
        return StateMaps.export(squares, params, "square_avg");
    }

    @Override
    public void loadState(List<Param> params, Map<String, float[]> state) {
        StateMaps.load(squares, params, state, "square_avg");
    }

    @Override
    public String describe() {
        return "RMSProp(alpha=" + alpha + ", eps=" + eps + ", weight_decay=" + weightDecay + ")";
    }
}
