package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Layer;
import java.util.function.DoubleSupplier;

/**
 * Central finite differences against analytic gradients. A layer is checked through the scalar
 * probe loss L = Σ r·forward(x) with fixed random r (so dL/d(output) = r), accumulated in double.
 * With float32 forward passes, step h = 1e-2 keeps rounding error (~eps·|L|/h) well below the
 * tolerance while the truncation error O(h²) stays small for smooth layers.
 */
final class GradientCheck {
    static final double H = 1e-2;

    private GradientCheck() {
    }

    static Tensor random(long seed, double lo, double hi, int... shape) {
        Rng r = Rng.seeded(seed);
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) r.uniform(lo, hi);
        return t;
    }

    static void assertClose(double analytic, double numeric, double tol, String what) {
        double err = Math.abs(analytic - numeric);
        assertTrue(err <= tol * Math.max(1.0, Math.max(Math.abs(analytic), Math.abs(numeric))),
                what + ": analytic " + analytic + " vs numeric " + numeric);
    }

    /** Central difference of {@code loss} with respect to {@code v[i]}. */
    static double numeric(float[] v, int i, DoubleSupplier loss) {
        float saved = v[i];
        v[i] = (float) (saved + H);
        double plus = loss.getAsDouble();
        v[i] = (float) (saved - H);
        double minus = loss.getAsDouble();
        v[i] = saved;
        // use the step actually representable in float
        return (plus - minus) / ((double) (float) (saved + H) - (double) (float) (saved - H));
    }

    /** Checks dL/dx and dL/dθ of {@code layer} at input {@code x}. */
    static void check(Layer layer, Tensor x, double tol) {
        check(layer, x, tol, true);
    }

    /** As {@link #check(Layer, Tensor, double)}; {@code checkInput} false skips dL/dx (e.g. token ids). */
    static void check(Layer layer, Tensor x, double tol, boolean checkInput) {
        try (ComputePool pool = ComputePool.single()) {
            Context ctx = new Context(pool, true, Rng.seeded(5));
            Tensor y = layer.forward(x, ctx);
            Tensor r = random(99, -1, 1, y.shape());
            DoubleSupplier probe = () -> {
                Tensor out = layer.forward(x, ctx);
                double s = 0;
                for (int i = 0; i < out.size(); i++) s += (double) r.data()[i] * out.data()[i];
                return s;
            };
            for (Param p : layer.params()) p.zeroGrad();
            layer.forward(x, ctx);
            Tensor dx = layer.backward(r, ctx, true);
            float[] xd = x.data();
            for (int i = 0; checkInput && i < xd.length; i++) {
                assertClose(dx.data()[i], numeric(xd, i, probe), tol, layer.name() + " dL/dx[" + i + "]");
            }
            for (Param p : layer.params()) {
                float[] analytic = p.grad.clone();
                for (int i = 0; i < p.value.length; i++) {
                    assertClose(analytic[i], numeric(p.value, i, probe), tol, p.name() + " grad[" + i + "]");
                }
            }
        }
    }
}
