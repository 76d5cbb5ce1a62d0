package dev.cauce.preprocess.text.word2vec;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused negative-sampling update, the one word2vec loop the shared kernels of
 * {@code dev.cauce.core.simd.VectorOps} (dot, axpy) do not cover: fusing the two halves halves the
 * memory traffic over the output row. A candidate for {@code VectorOps}.
 */
final class VectorKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorKernels() { }

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
