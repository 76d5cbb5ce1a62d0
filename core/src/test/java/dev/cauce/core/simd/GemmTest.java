package dev.cauce.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cauce.core.Rng;
import org.junit.jupiter.api.Test;

class GemmTest {
    private static final ComputePool one = TestPools.ONE, two = TestPools.TWO, three = TestPools.THREE;

    private static float[] random(int n, long seed) {
        Rng r = Rng.seeded(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.uniform(-1, 1);
        return a;
    }

    /** Reference in double: C = beta·C + op(A)·op(B). */
    private static double[] reference(boolean ta, boolean tb, int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
        double[] out = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p * m + i] : a[i * k + p];
                    double bv = tb ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                }
                out[i * n + j] = (beta == 0 ? 0 : beta * (double) c[i * n + j]) + s;
            }
        }
        return out;
    }

    private static void checkShape(boolean ta, boolean tb, int m, int n, int k, float beta) {
        float[] a = random(m * k, 1 + m);
        float[] b = random(k * n, 2 + n);
        float[] c0 = random(m * n, 3 + k);
        double[] want = reference(ta, tb, m, n, k, a, b, c0, beta);
        float[] got1 = null;
        for (ComputePool pool : new ComputePool[] {one, two, three}) {
            float[] c = c0.clone();
            Gemm.gemm(pool, ta, tb, m, n, k, a, 0, ta ? m : k, b, 0, tb ? k : n, c, 0, n, beta);
            for (int i = 0; i < want.length; i++) {
                // float32 accumulation of k products of magnitude <= 1: error grows like k·eps.
                assertEquals(want[i], c[i], 1e-6 * (k + 4), "ta=" + ta + " tb=" + tb + " " + m + "x" + n + "x" + k + " at " + i);
            }
            if (got1 == null) got1 = c;
            else assertArrayEquals(got1, c, "results must be bit-identical for every thread count");
        }
    }

    @Test
    void allTransposesMatchDoubleReferenceOnEdgeShapes() {
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {4, 16, 8}, {17, 33, 9}, {64, 10, 300}, {130, 70, 513}, {5, 257, 31}};
        for (int[] s : shapes) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    checkShape(ta, tb, s[0], s[1], s[2], 0f);
                    checkShape(ta, tb, s[0], s[1], s[2], 1f);
                }
            }
        }
        checkShape(false, false, 37, 29, 41, 0.5f);
    }

    @Test
    void largeProductIsBitIdenticalAcrossThreadCounts() {
        int m = 200, n = 300, k = 600;
        float[] a = random(m * k, 7);
        float[] b = random(k * n, 8);
        float[] c1 = new float[m * n];
        float[] c2 = new float[m * n];
        float[] c3 = new float[m * n];
        Gemm.nn(one, m, n, k, a, b, c1, 0f);
        Gemm.nn(two, m, n, k, a, b, c2, 0f);
        Gemm.nn(three, m, n, k, a, b, c3, 0f);
        assertArrayEquals(c1, c2);
        assertArrayEquals(c1, c3);
    }

    @Test
    void betaZeroIgnoresNaNInOutput() {
        float[] a = random(6, 1);
        float[] b = random(6, 2);
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Gemm.nn(one, 2, 2, 3, a, b, c, 0f);
        for (float v : c) assertEquals(false, Float.isNaN(v));
    }

    @Test
    void offsetsAndLeadingDimensionsSelectASubMatrix() {
        // A is the 2x3 block at row 1, col 1 of a 4x5 matrix; B a 3x2 block inside a 3x4 matrix.
        float[] big = random(20, 3);
        float[] bb = random(12, 4);
        float[] c = new float[4];
        Gemm.gemm(one, false, false, 2, 2, 3, big, 6, 5, bb, 1, 4, c, 0, 2, 0f);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double s = 0;
                for (int p = 0; p < 3; p++) s += (double) big[6 + i * 5 + p] * bb[1 + p * 4 + j];
                assertEquals(s, c[i * 2 + j], 1e-5);
            }
        }
    }

    @Test
    void rejectsArraysTooSmallForTheShape() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.nn(one, 3, 3, 3, new float[8], new float[9], new float[9], 0f));
        assertEquals(true, e.getMessage().contains("A (3x3"), e.getMessage());
    }
}
