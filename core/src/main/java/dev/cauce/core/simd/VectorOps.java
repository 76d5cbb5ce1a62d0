package dev.cauce.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on float arrays with the Vector API and scalar tails. All are pure functions
 * of their arguments (outputs are written to the given arrays) and allocate nothing. Reductions
 * run in a fixed order (lane-wise partial sums, then lanes in index order, then the tail), so they
 * return the same bits every time.
 */
public final class VectorOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorOps() {
    }

    /** {@code y[i] += a·x[i]} for i in [0, n). */
    public static void axpy(int n, float a, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector va = FloatVector.broadcast(S, a);
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) y[yOff + i] = Math.fma(x[xOff + i], a, y[yOff + i]);
    }

    /** {@code x[i] *= a} for i in [0, n). */
    public static void scale(int n, float a, float[] x, int off) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) FloatVector.fromArray(S, x, off + i).mul(a).intoArray(x, off + i);
        for (; i < n; i++) x[off + i] *= a;
    }

    /** {@code out[i] = x[i] + y[i]} for i in [0, n) ({@code out} may alias x or y). */
    public static void add(int n, float[] x, float[] y, float[] out) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, i).add(FloatVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) out[i] = x[i] + y[i];
    }

    /** {@code out[i] = x[i] · y[i]} for i in [0, n) ({@code out} may alias x or y). */
    public static void mul(int n, float[] x, float[] y, float[] out) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, i).mul(FloatVector.fromArray(S, y, i)).intoArray(out, i);
        }
        for (; i < n; i++) out[i] = x[i] * y[i];
    }

    /** Adds {@code row} (length cols) to each of the {@code rows} rows of the row-major matrix {@code m}. */
    public static void addRow(int rows, int cols, float[] m, float[] row) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, m, base + j).add(FloatVector.fromArray(S, row, j)).intoArray(m, base + j);
            }
            for (; j < cols; j++) m[base + j] += row[j];
        }
    }

    /**
     * Column sums accumulated into {@code out}: {@code out[j] += Σ_r m[r, j]}, rows summed in order
     * 0, 1, … (never split across threads), e.g. the bias gradient of a dense layer.
     */
    public static void addColumnSums(int rows, int cols, float[] m, float[] out) {
        int bound = S.loopBound(cols);
        int j = 0;
        for (; j < bound; j += L) {
            FloatVector acc = FloatVector.fromArray(S, out, j);
            for (int r = 0; r < rows; r++) acc = acc.add(FloatVector.fromArray(S, m, r * cols + j));
            acc.intoArray(out, j);
        }
        for (; j < cols; j++) {
            float acc = out[j];
            for (int r = 0; r < rows; r++) acc += m[r * cols + j];
            out[j] = acc;
        }
    }

    /** {@code x[i] = sqrt(x[i])} for i in [0, n) (e.g. power to magnitude spectra). */
    public static void sqrt(int n, float[] x, int off) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) FloatVector.fromArray(S, x, off + i).sqrt().intoArray(x, off + i);
        for (; i < n; i++) x[off + i] = (float) Math.sqrt(x[off + i]);
    }

    /**
     * Valid cross-correlation added into {@code out}: {@code out[outOff+k] += Σ_s taps[s]·x[xOff+k+s]}
     * for k in [0, count); {@code x} must hold {@code xOff + count + taps.length - 1} samples. Four
     * vectors of outputs are accumulated in registers at a time (independent FMA chains), each tap
     * broadcast once per block: the inner loop of polyphase resampling and FIR filters.
     */
    public static void correlateAdd(float[] x, int xOff, float[] taps, float[] out, int outOff, int count) {
        int nt = taps.length;
        if (xOff + count + nt - 1 > x.length) {
            throw new IllegalArgumentException("x has " + x.length + " samples, needs " + (xOff + count + nt - 1));
        }
        int k = 0;
        for (; k + 4 * L <= count; k += 4 * L) {
            int o = outOff + k, b = xOff + k;
            FloatVector a0 = FloatVector.fromArray(S, out, o), a1 = FloatVector.fromArray(S, out, o + L);
            FloatVector a2 = FloatVector.fromArray(S, out, o + 2 * L), a3 = FloatVector.fromArray(S, out, o + 3 * L);
            for (int s = 0; s < nt; s++) {
                FloatVector w = FloatVector.broadcast(S, taps[s]);
                a0 = FloatVector.fromArray(S, x, b + s).fma(w, a0);
                a1 = FloatVector.fromArray(S, x, b + s + L).fma(w, a1);
                a2 = FloatVector.fromArray(S, x, b + s + 2 * L).fma(w, a2);
                a3 = FloatVector.fromArray(S, x, b + s + 3 * L).fma(w, a3);
            }
            a0.intoArray(out, o);
            a1.intoArray(out, o + L);
            a2.intoArray(out, o + 2 * L);
            a3.intoArray(out, o + 3 * L);
        }
        for (; k + L <= count; k += L) {
            FloatVector a = FloatVector.fromArray(S, out, outOff + k);
            for (int s = 0; s < nt; s++) a = FloatVector.fromArray(S, x, xOff + k + s).fma(FloatVector.broadcast(S, taps[s]), a);
            a.intoArray(out, outOff + k);
        }
        for (; k < count; k++) {
            float a = out[outOff + k];
            for (int s = 0; s < nt; s++) a = Math.fma(taps[s], x[xOff + k + s], a);
            out[outOff + k] = a;
        }
    }

    /** Takes lanes 0..L/2-1 of two vectors alternately: a0 b0 a1 b1 … */
    private static final jdk.incubator.vector.VectorShuffle<Float> ZIP_LO =
            jdk.incubator.vector.VectorShuffle.fromOp(S, i -> (i % 2 == 0 ? 0 : L) + i / 2);
    /** The same for lanes L/2..L-1. */
    private static final jdk.incubator.vector.VectorShuffle<Float> ZIP_HI =
            jdk.incubator.vector.VectorShuffle.fromOp(S, i -> (i % 2 == 0 ? 0 : L) + L / 2 + i / 2);

    /**
     * {@code out[outOff + 2k] = a[k]}, {@code out[outOff + 2k + 1] = b[k]} for k in [0, count): two
     * sequences merged sample by sample (the two phases of a 2x upsampler), by vector shuffles
     * rather than strided scalar stores.
     */
    public static void interleave(float[] a, float[] b, float[] out, int outOff, int count) {
        int k = 0;
        int bound = S.loopBound(count);
        for (; k < bound; k += L) {
            FloatVector va = FloatVector.fromArray(S, a, k), vb = FloatVector.fromArray(S, b, k);
            va.rearrange(ZIP_LO, vb).intoArray(out, outOff + 2 * k);
            va.rearrange(ZIP_HI, vb).intoArray(out, outOff + 2 * k + L);
        }
        for (; k < count; k++) {
            out[outOff + 2 * k] = a[k];
            out[outOff + 2 * k + 1] = b[k];
        }
    }

    /**
     * ReLU forward: {@code y[i] = max(x[i], 0)} ({@code y} may alias x). A plain loop: C2 vectorizes
     * it (measured as fast as the Vector API version, 128x256 floats in ~2.4 us), and before C2 has
     * compiled it, in the first steps of a training run, it costs a fraction of interpreted vector code.
     */
    public static void relu(int n, float[] x, float[] y) {
        for (int i = 0; i < n; i++) y[i] = Math.max(x[i], 0f);
    }

    /**
     * ReLU backward: {@code dx[i] = x[i] > 0 ? dy[i] : 0}, where x is the layer's input (or output:
     * both are positive at the same places). {@code dx} may alias dy.
     */
    public static void reluBackward(int n, float[] x, float[] dy, float[] dx) {
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector g = FloatVector.fromArray(S, dy, i);
            var positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            FloatVector.zero(S).blend(g, positive).intoArray(dx, i);
        }
        for (; i < n; i++) dx[i] = x[i] > 0f ? dy[i] : 0f;
    }

    /** Dot product {@code Σ x[i]·y[i]} in a fixed order. */
    public static float dot(int n, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        int bound = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        for (; i < bound; i += L) acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc);
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s = Math.fma(x[xOff + i], y[yOff + i], s);
        return s;
    }

    /** Sum of squares {@code Σ x[i]²} accumulated in double (for norms; fixed order). */
    public static double sumOfSquares(int n, float[] x, int off) {
        double s = 0;
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, off + i);
            s += v.mul(v).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) s += (double) x[off + i] * x[off + i];
        return s;
    }
}
