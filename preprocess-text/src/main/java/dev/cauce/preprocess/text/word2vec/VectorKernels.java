package dev.cauce.preprocess.text.word2vec;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The three float loops word2vec spends its time in, on the Vector API with scalar tails.
 * They are written here because the shared kernels in {@code dev.cauce.core.simd} did not exist
 * yet when this module was built; fold them into that package once it lands.
 */
final class VectorKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() { }

    /** {@code sum(a[ao+i] * b[bo+i])} for i in [0, n). */
    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        int i = 0;
        int upper = S.loopBound(n);
        FloatVector acc = FloatVector.zero(S);
        for (; i < upper; i += S.length()) {
            acc = FloatVector.fromArray(S, a, ao + i).fma(FloatVector.fromArray(S, b, bo + i), acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) sum += a[ao + i] * b[bo + i];
        return sum;
    }

    /** {@code y[yo+i] += alpha * x[xo+i]}. */
    static void axpy(float alpha, float[] x, int xo, float[] y, int yo, int n) {
        int i = 0;
        int upper = S.loopBound(n);
        FloatVector va = FloatVector.broadcast(S, alpha);
        for (; i < upper; i += S.length()) {
            FloatVector.fromArray(S, x, xo + i).fma(va, FloatVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    /**
     * One negative-sampling update, both halves fused in one pass:
     * {@code err += g * out[lo..]} then {@code out[lo..] += g * in[li..]} (reading the old {@code out}).
     */
    static void update(float g, float[] in, int li, float[] out, int lo, float[] err, int n) {
        int i = 0;
        int upper = S.loopBound(n);
        FloatVector vg = FloatVector.broadcast(S, g);
        for (; i < upper; i += S.length()) {
            FloatVector o = FloatVector.fromArray(S, out, lo + i);
            o.fma(vg, FloatVector.fromArray(S, err, i)).intoArray(err, i);
            FloatVector.fromArray(S, in, li + i).fma(vg, o).intoArray(out, lo + i);
        }
        for (; i < n; i++) {
            float o = out[lo + i];
            err[i] += g * o;
            out[lo + i] = o + g * in[li + i];
        }
    }
}
