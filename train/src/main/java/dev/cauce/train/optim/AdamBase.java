package dev.cauce.train.optim;

import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.Param;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bias-corrected Adam update shared by {@link Adam} (coupled L2) and {@link AdamW} (decoupled
 * decay). Holds the hyper-parameters and the per-parameter moments and step counts, keyed by
 * {@link Param} identity.
 */
abstract sealed class AdamBase implements StatefulOptimizer permits Adam, AdamW {
    /** First and second moment estimates (float32) and the number of updates this param has had. */
    private static final class State {
        final float[] m;
        final float[] v;
        long t;

        State(int n) {
            this(new float[n], new float[n], 0);
        }

        State(float[] m, float[] v, long t) {
            this.m = m;
            this.v = v;
            this.t = t;
        }
    }

    private final double beta1;
    private final double beta2;
    private final double eps;
    final double weightDecay;
    private final Map<Param, State> states = new IdentityHashMap<>();

    AdamBase(double beta1, double beta2, double eps, double weightDecay) {
        this.beta1 = Checks.unitInterval("beta1", beta1);
        this.beta2 = Checks.unitInterval("beta2", beta2);
        this.eps = Checks.positive("eps", eps);
        this.weightDecay = Checks.nonNegative("weight_decay", weightDecay);
    }

    /**
     * Elements per parallel task. The update streams seven float arrays and is bound by memory and
     * the square root and divide; on one thread it was a third of an MNIST MLP step (the 200,704
     * weights of its first layer), so ranges of this size are spread over the pool.
     */
    static final int CHUNK = 1 << 14;

    /**
     * One Adam update of every param, large params split over {@code pool} in ranges of
     * {@link #CHUNK} (element-wise: the same bits with any thread count).
     *
     * @param l2       coefficient added as {@code l2·θ} to the gradient of decayed params (Adam's weight_decay)
     * @param decoupled factor {@code 1 − lr·wd} applied to decayed params' θ first (AdamW), 1 for none
     */
    final void update(List<Param> params, double lr, double l2, double decoupled, ComputePool pool) {
        Checks.learningRate(lr);
        for (Param p : params) {
            State s = states.computeIfAbsent(p, q -> new State(q.size()));
            s.t++;
            double bc1 = 1 - Math.pow(beta1, s.t);
            double bc2 = 1 - Math.pow(beta2, s.t);
            boolean decay = p.decayed();
            Coefficients k = new Coefficients((float) beta1, (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
                    (float) (lr / bc1), (float) Math.sqrt(bc2), (float) eps,
                    decay ? (float) l2 : 0f, decay ? (float) decoupled : 1f);
            int n = p.value.length;
            int tasks = (n + CHUNK - 1) / CHUNK;
            if (tasks <= 1 || pool.threads() == 1) {
                kernel(p.value, p.grad, s.m, s.v, k, 0, n);
            } else {
                pool.parallelFor(tasks, t -> kernel(p.value, p.grad, s.m, s.v, k, t * CHUNK, Math.min(n, (t + 1) * CHUNK)));
            }
        }
    }

    /** The per-step scalars of one param's update, in float as the kernel uses them. */
    private record Coefficients(float b1, float c1, float b2, float c2, float stepSize, float bc2Sqrt, float eps,
                                float l2, float shrink) {
    }

    // One fused, branch-free loop: C2 vectorizes it (sqrt and divide included), no allocation.
    // The operation order follows torch.optim.Adam/AdamW so a float32 run tracks PyTorch's float32
    // run; shrink = 1 (exact) when there is no decoupled decay. Updates elements [from, to).
    private static void kernel(float[] w, float[] grad, float[] m, float[] v, Coefficients k, int from, int to) {
        float b1 = k.b1, c1 = k.c1, b2 = k.b2, c2 = k.c2, stepSize = k.stepSize, bc2Sqrt = k.bc2Sqrt, eps = k.eps;
        float l2 = k.l2, shrink = k.shrink;
        for (int i = from; i < to; i++) {
            float wi = w[i] * shrink;
            float g = grad[i] + l2 * wi;
            float mi = b1 * m[i] + c1 * g;
            float vi = b2 * v[i] + c2 * g * g;
            m[i] = mi;
            v[i] = vi;
            w[i] = wi - stepSize * mi / ((float) Math.sqrt(vi) / bc2Sqrt + eps);
        }
    }

    @Override
    public final Map<String, float[]> state(List<Param> params) {
        StateMaps.requireUniqueNames(params);
        Map<String, float[]> out = new HashMap<>();
        for (Param p : params) {
            State s = states.get(p);
            if (s == null) continue;
            out.put(StateMaps.key(p, "exp_avg"), s.m.clone());
            out.put(StateMaps.key(p, "exp_avg_sq"), s.v.clone());
            out.put(StateMaps.key(p, "step"), new float[] {s.t});
        }
        return out;
    }

    @Override
    public final void loadState(List<Param> params, Map<String, float[]> state) {
        StateMaps.requireUniqueNames(params);
        for (Param p : params) {
            float[] m = StateMaps.get(state, p, "exp_avg", p.size());
            float[] v = StateMaps.get(state, p, "exp_avg_sq", p.size());
            long t = StateMaps.step(state, p);
            if (m == null && v == null && t < 0) {
                states.remove(p);
            } else if (m == null || v == null || t < 0) {
                throw new IllegalArgumentException("optimizer state of '" + p.name() + "' is incomplete: Adam needs exp_avg, exp_avg_sq and step");
            } else {
                states.put(p, new State(m, v, t));
            }
        }
    }

    @Override
    public final String describe() {
        return getClass().getSimpleName() + "(beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ", weight_decay=" + weightDecay + ")";
    }
}
