package dev.cauce.train.regularize;

import dev.cauce.train.Param;

import java.util.List;

/**
 * Gradient clipping, in place on {@link Param#grad}, as {@code torch.nn.utils.clip_grad_norm_} and
 * {@code clip_grad_value_}.
 *
 * <p>By norm: the norm is taken over all gradients jointly, as one vector,
 * <pre>
 *   total = (Σ over all params and elements |g|^p)^(1/p)      (p = ∞: max |g|)
 *   coef  = min(1, maxNorm / (total + 1e-6))
 *   g ← coef·g                                               (for every param)
 * </pre>
 * so the gradient keeps its direction and its norm becomes ≈ maxNorm when it was larger — the
 * course's g·η/‖g‖ when ‖g‖ &gt; η. The 1e-6 (PyTorch's) guards a zero gradient and leaves the
 * clipped norm slightly below maxNorm. By value: every element is clamped to [−c, c], which also
 * changes the direction. Sums are accumulated in double. A non-finite norm (NaN or infinite
 * gradients) is returned as is and the gradients are left untouched, so the caller can stop with a
 * clear message instead of stepping on garbage.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Clips by the global L2 norm; returns the norm before clipping (log it: it shows explosions). */
    public static double clipByGlobalNorm(List<Param> params, double maxNorm) {
        return clipByGlobalNorm(params, maxNorm, 2);
    }

    /**
     * Clips by the global p-norm ({@code normType} &gt; 0, or {@link Double#POSITIVE_INFINITY} for the
     * max norm); returns the norm before clipping.
     */
    public static double clipByGlobalNorm(List<Param> params, double maxNorm, double normType) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) throw new IllegalArgumentException("maxNorm must be > 0 and finite, got " + maxNorm);
        if (!(normType > 0)) throw new IllegalArgumentException("normType must be > 0 (or infinity), got " + normType);
        double total = globalNorm(params, normType);
        double coef = maxNorm / (total + 1e-6);
        if (coef < 1) {
            float c = (float) coef;
            for (Param p : params) {
                float[] g = p.grad;
                for (int i = 0; i < g.length; i++) g[i] *= c;
            }
        }
        return total;
    }

    /** The p-norm of all gradients taken together (p = ∞: the largest |g|). */
    public static double globalNorm(List<Param> params, double normType) {
        if (normType == Double.POSITIVE_INFINITY) {
            double max = 0;
            for (Param p : params) {
                for (float g : p.grad) max = Math.max(max, Math.abs(g));
            }
            return max;
        }
        double sum = 0;
        for (Param p : params) {
            float[] g = p.grad;
            if (normType == 2) {
                for (float v : g) sum += (double) v * v;
            } else {
                for (float v : g) sum += Math.pow(Math.abs(v), normType);
            }
        }
        return Math.pow(sum, 1 / normType);
    }

    /** Clamps every gradient element to [−clip, clip]. */
    public static void clipByValue(List<Param> params, double clip) {
        if (!(clip > 0) || Double.isInfinite(clip)) throw new IllegalArgumentException("clip must be > 0 and finite, got " + clip);
        float c = (float) clip;
        for (Param p : params) {
            float[] g = p.grad;
            for (int i = 0; i < g.length; i++) g[i] = Math.max(-c, Math.min(c, g[i]));
        }
    }
}
