package dev.cauce.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise transcendental kernels on the Vector API. The JDK maps {@code LOG10} to its SVML
 * stubs on x86-64, about nine times faster than {@code Math.log10} per value here (1.5 vs 13 ns),
 * agreeing to a few 1e-7 relative.
 */
public final class VectorMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private VectorMath() { }

    /**
     * {@code out[i] = multiplier * log10(max(in[i], floor))} for {@code i < n}; returns the largest
     * output value (so callers can apply a dynamic-range floor without a second pass to find it).
     */
    public static float log10Scaled(int n, float[] in, float floor, float multiplier, float[] out) {
        int i = 0;
        int upper = S.loopBound(n);
        FloatVector max = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (; i < upper; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, in, i).max(floor).lanewise(VectorOperators.LOG10).mul(multiplier);
            v.intoArray(out, i);
            max = max.max(v);
        }
        float m = max.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            float v = (float) (multiplier * Math.log10(Math.max(in[i], floor)));
            out[i] = v;
            m = Math.max(m, v);
        }
        return m;
    }

    /** {@code x[i] = max(x[i], floor)} for {@code i < n}. */
    public static void clampBelow(int n, float[] x, float floor) {
        int i = 0;
        int upper = S.loopBound(n);
        for (; i < upper; i += S.length()) FloatVector.fromArray(S, x, i).max(floor).intoArray(x, i);
        for (; i < n; i++) x[i] = Math.max(x[i], floor);
    }
}
