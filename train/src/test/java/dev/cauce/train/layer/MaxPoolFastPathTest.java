package dev.cauce.train.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import org.junit.jupiter.api.Test;

/**
 * The unrolled 2x2, stride-2 max pool gives exactly what the window definition gives: the largest
 * input, the gradient routed to the first maximum in row-major window order on ties, and the odd
 * last row and column dropped (floor).
 */
class MaxPoolFastPathTest {
    @Test
    void matchesTheWindowDefinitionWithTiesAndOddSizes() {
        // widths 9, 24 (the MNIST CNN's first pool) and 35 (odd)
        for (int[] hw : new int[][] {{7, 9}, {24, 24}, {5, 35}}) {
            int h = hw[0], w = hw[1];
            float[] x = new float[3 * 2 * h * w];
            Rng r = Rng.seeded(5);
            for (int i = 0; i < x.length; i++) x[i] = r.nextInt(4);   // few distinct values: many ties
            x[7] = Float.NaN;   // never replaces a value (x > NaN and NaN > x are both false)
            x[w + 2] = Float.NaN;
            x[2 * w + 1] = -0f;
            check(x, 3, 2, h, w);
        }
    }

    @Test
    void matchesTheWindowDefinitionOnRealDigits() throws java.io.IOException {
        // 28x28 MNIST digits: mostly zeros, so ties everywhere
        float[] x = dev.cauce.core.io.Idx.readImages(java.nio.file.Path.of("..", "samples", "mnist", "test-images-idx3-ubyte.gz")).data();
        check(java.util.Arrays.copyOf(x, 10 * 784), 5, 2, 28, 28);
    }

    private static void check(float[] x, int n, int c, int h, int w) {
        int oh = h / 2, ow = w / 2;
        float[] g = new float[n * c * oh * ow];
        for (int i = 0; i < g.length; i++) g[i] = 1 + i;
        float[] wantY = new float[g.length];
        float[] wantDx = new float[x.length];
        for (int pl = 0; pl < n * c; pl++) {
            for (int yo = 0; yo < oh; yo++) {
                for (int xo = 0; xo < ow; xo++) {
                    int best = -1;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int i = pl * h * w + (2 * yo + dy) * w + 2 * xo + dx;
                            if (best < 0 || x[i] > x[best]) best = i;
                        }
                    }
                    int o = (pl * oh + yo) * ow + xo;
                    wantY[o] = x[best];
                    wantDx[best] += g[o];
                }
            }
        }
        try (ComputePool pool = new ComputePool(2)) {
            Context ctx = new Context(pool, true, Rng.seeded(0));
            Pool2D pool2 = new Pool2D("max", Pool2D.Kind.MAX, new int[] {c, h, w}, 2, 2);
            assertArrayEquals(wantY, pool2.forward(Tensor.of(x, n, c, h, w), ctx).data());
            assertArrayEquals(wantDx, pool2.backward(Tensor.of(g, n, c, oh, ow), ctx, true).data());
        }
    }
}
