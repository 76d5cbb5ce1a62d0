package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Conv2D;
import dev.cauce.train.layer.Flatten;
import dev.cauce.train.layer.GlobalAvgPool;
import dev.cauce.train.layer.Pool2D;
import org.junit.jupiter.api.Test;

class ConvGradientCheckTest {
    @Test
    void convGradientsMatchFiniteDifferencesWithStrideAndPadding() {
        for (int[] cfg : new int[][] {{1, 0}, {2, 1}, {1, 2}}) {
            Conv2D conv = new Conv2D("conv", new int[] {2, 6, 5}, 3, 3, cfg[0], cfg[1], Initializer.HE_NORMAL, Rng.seeded(1));
            System.arraycopy(GradientCheck.random(4, -0.5, 0.5, 3).data(), 0, conv.bias().value, 0, 3);
            GradientCheck.check(conv, GradientCheck.random(2, -1, 1, 2, 2, 6, 5), 3e-3);
        }
    }

    @Test
    void convMatchesDirectDefinition() {
        // y[n,f,i,j] = b[f] + Σ_c,u,v w[f,c,u,v]·x[n,c,i·s−p+u, j·s−p+v]
        int c = 2, h = 7, w = 6, f = 3, k = 3, s = 2, p = 1;
        Conv2D conv = new Conv2D("conv", new int[] {c, h, w}, f, k, s, p, Initializer.GLOROT_UNIFORM, Rng.seeded(3));
        Tensor x = GradientCheck.random(5, -1, 1, 2, c, h, w);
        try (ComputePool pool = new ComputePool(2)) {
            Tensor y = conv.forward(x, Context.inference(pool));
            int oh = (h + 2 * p - k) / s + 1, ow = (w + 2 * p - k) / s + 1;
            assertArrayEquals(new int[] {2, f, oh, ow}, y.shape());
            float[] wt = conv.weight().value;
            for (int n = 0; n < 2; n++) for (int ff = 0; ff < f; ff++) for (int i = 0; i < oh; i++) for (int j = 0; j < ow; j++) {
                double sum = conv.bias().value[ff];
                for (int cc = 0; cc < c; cc++) for (int u = 0; u < k; u++) for (int v = 0; v < k; v++) {
                    int iy = i * s - p + u, ix = j * s - p + v;
                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) sum += wt[((ff * c + cc) * k + u) * k + v] * x.get(n, cc, iy, ix);
                }
                assertEquals(sum, y.get(n, ff, i, j), 1e-5);
            }
        }
    }

    @Test
    void poolingGradientsMatchFiniteDifferences() {
        Tensor x = GradientCheck.random(8, -1, 1, 2, 3, 6, 6);
        GradientCheck.check(new Pool2D("avg", Pool2D.Kind.AVG, new int[] {3, 6, 6}, 2, 2), x, 1e-3);
        GradientCheck.check(new Pool2D("avg3", Pool2D.Kind.AVG, new int[] {3, 6, 6}, 3, 1), x, 1e-3);
        GradientCheck.check(new GlobalAvgPool("gap", new int[] {3, 6, 6}), x, 1e-3);
        GradientCheck.check(new Flatten("flat"), x, 1e-3);
        // max: distinct values spaced more than 2h apart, so x ± h never changes the arg-max
        Tensor distinct = Tensor.zeros(2, 3, 6, 6);
        int[] perm = new int[distinct.size()];
        for (int i = 0; i < perm.length; i++) perm[i] = i;
        Rng.seeded(2).shuffle(perm);
        for (int i = 0; i < perm.length; i++) distinct.data()[i] = perm[i] * 0.05f;
        GradientCheck.check(new Pool2D("max", Pool2D.Kind.MAX, new int[] {3, 6, 6}, 2, 2), distinct, 1e-3);
    }

    @Test
    void maxPoolPicksWindowMaxima() {
        Tensor x = Tensor.of(new float[] {1, 5, 2, 0, 3, 4, 9, 1, 0, 0, 8, 7, 6, 2, 1, 1}, 1, 1, 4, 4);
        try (ComputePool pool = ComputePool.single()) {
            Tensor y = new Pool2D("max", Pool2D.Kind.MAX, new int[] {1, 4, 4}, 2, 2).forward(x, Context.inference(pool));
            assertArrayEquals(new float[] {5, 9, 6, 8}, y.data());
        }
    }

    @Test
    void shapeErrorsNameTheLayer() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Conv2D("conv3", new int[] {64, 4, 4}, 8, 5, 1, 0, Initializer.HE_NORMAL, Rng.seeded(1)));
        assertTrue(e.getMessage().startsWith("conv3: input 4x4 is too small for a 5x5 kernel"), e.getMessage());
    }
}
