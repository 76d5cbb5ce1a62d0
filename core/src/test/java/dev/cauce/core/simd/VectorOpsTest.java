package dev.cauce.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class VectorOpsTest {
    /** Lengths that exercise the vector body and the scalar tail. */
    private static final int[] LENGTHS = {0, 1, 7, 8, 9, 31, 100};

    private static float[] ramp(int n, float start, float step) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = start + i * step;
        return a;
    }

    @Test
    void elementWiseOpsMatchScalarDefinitions() {
        for (int n : LENGTHS) {
            float[] x = ramp(n, -3.25f, 0.125f);
            float[] y = ramp(n, 1.5f, -0.0625f);
            float[] out = new float[n];
            VectorOps.add(n, x, y, out);
            for (int i = 0; i < n; i++) assertEquals(x[i] + y[i], out[i]);
            VectorOps.mul(n, x, y, out);
            for (int i = 0; i < n; i++) assertEquals(x[i] * y[i], out[i]);
            float[] yy = y.clone();
            VectorOps.axpy(n, 0.5f, x, 0, yy, 0);
            for (int i = 0; i < n; i++) assertEquals(Math.fma(x[i], 0.5f, y[i]), yy[i]);
            float[] s = x.clone();
            VectorOps.scale(n, -2f, s, 0);
            for (int i = 0; i < n; i++) assertEquals(-2f * x[i], s[i]);
            VectorOps.relu(n, x, out);
            for (int i = 0; i < n; i++) assertEquals(Math.max(0f, x[i]), out[i]);
            VectorOps.reluBackward(n, x, y, out);
            for (int i = 0; i < n; i++) assertEquals(x[i] > 0 ? y[i] : 0f, out[i]);
            double ss = 0;
            for (float v : x) ss += (double) v * v;
            assertEquals(ss, VectorOps.sumOfSquares(n, x, 0), 1e-9 * (1 + ss));
            double dot = 0;
            for (int i = 0; i < n; i++) dot += (double) x[i] * y[i];
            assertEquals(dot, VectorOps.dot(n, x, 0, y, 0), 1e-5 * (1 + Math.abs(dot)));
        }
    }

    @Test
    void correlateAddAndSqrtMatchScalarDefinitions() {
        float[] taps = ramp(15, 0.5f, -0.0625f);
        for (int count : new int[] {0, 1, 7, 8, 9, 31, 32, 33, 100}) {
            float[] x = ramp(count + taps.length - 1 + 3, -1f, 0.03125f);
            float[] out = ramp(count + 2, 2f, 0.25f);
            float[] expected = out.clone();
            for (int k = 0; k < count; k++) {
                double acc = expected[1 + k];
                for (int s = 0; s < taps.length; s++) acc += (double) taps[s] * x[3 + k + s];
                expected[1 + k] = (float) acc;
            }
            VectorOps.correlateAdd(x, 3, taps, out, 1, count);
            for (int k = 0; k < out.length; k++) assertEquals(expected[k], out[k], 1e-5, "count " + count + " index " + k);
            float[] r = ramp(count, 0f, 0.5f);
            VectorOps.sqrt(count, r, 0);
            for (int k = 0; k < count; k++) assertEquals((float) Math.sqrt(k * 0.5), r[k], 1e-6);
        }
        assertThrows(IllegalArgumentException.class, () -> VectorOps.correlateAdd(new float[10], 0, taps, new float[10], 0, 1));
    }

    @Test
    void rowBroadcastAndColumnSums() {
        int rows = 5, cols = 19;
        float[] m = ramp(rows * cols, -4f, 0.25f);
        float[] bias = ramp(cols, 1f, 1f);
        float[] m2 = m.clone();
        VectorOps.addRow(rows, cols, m2, bias);
        for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) assertEquals(m[r * cols + j] + bias[j], m2[r * cols + j]);
        float[] sums = ramp(cols, 0.5f, 0f);
        VectorOps.addColumnSums(rows, cols, m, sums);
        for (int j = 0; j < cols; j++) {
            float want = 0.5f;
            for (int r = 0; r < rows; r++) want += m[r * cols + j];
            assertEquals(want, sums[j], 1e-5f);
        }
    }

    @Test
    void poolRunsEveryIndexExactlyOnceAndRethrows() {
        try (ComputePool pool = new ComputePool(2)) {
            AtomicIntegerArray hits = new AtomicIntegerArray(1000);
            pool.parallelFor(1000, i -> hits.incrementAndGet(i));
            for (int i = 0; i < 1000; i++) assertEquals(1, hits.get(i));
            // nested calls run inline instead of deadlocking
            AtomicIntegerArray nested = new AtomicIntegerArray(16);
            pool.parallelFor(4, i -> pool.parallelFor(4, j -> nested.incrementAndGet(i * 4 + j)));
            for (int i = 0; i < 16; i++) assertEquals(1, nested.get(i));
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> pool.parallelFor(10, i -> { if (i == 7) throw new IllegalStateException("task 7 failed"); }));
            assertEquals("task 7 failed", e.getMessage());
        }
    }

    @Test
    void selfCheckPassesOnThisJvm() {
        assertTrue(VectorSupport.floatLanes() >= 4, "lanes " + VectorSupport.floatLanes());
        assertEquals(java.util.Optional.empty(), VectorSupport.check());
    }

    @Test
    void interleaveAlternatesTheTwoInputs() {
        for (int n : new int[] {0, 1, 7, 8, 16, 17, 33, 100}) {
            float[] a = ramp(n, 1f, 1f), b = ramp(n, -1f, -1f);
            float[] out = new float[2 * n + 3];
            java.util.Arrays.fill(out, Float.NaN);
            VectorOps.interleave(a, b, out, 3, n);
            for (int i = 0; i < 3; i++) assertTrue(Float.isNaN(out[i]), "before the offset, n=" + n);
            for (int k = 0; k < n; k++) {
                assertEquals(a[k], out[3 + 2 * k], "n=" + n + " a[" + k + "]");
                assertEquals(b[k], out[3 + 2 * k + 1], "n=" + n + " b[" + k + "]");
            }
        }
    }
}
