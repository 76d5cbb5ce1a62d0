package dev.cauce.train;

import dev.cauce.core.Rng;

/**
 * Weight initialization schemes. {@code fanIn} is the number of inputs feeding one unit (for a
 * convolution: in_channels x kernel_h x kernel_w), {@code fanOut} the number of units one input feeds.
 *
 * <ul>
 *   <li>{@link #NORMAL_001}: w ~ N(0, 0.01²) (the classic small-random start)</li>
 *   <li>{@link #STANDARD_NORMAL}: w ~ N(0, 1)</li>
 *   <li>{@link #GLOROT_UNIFORM}: w ~ U(−a, a), a = sqrt(6 / (fanIn + fanOut)) (Glorot and Bengio, 2010)</li>
 *   <li>{@link #GLOROT_NORMAL}: w ~ N(0, σ²), σ = sqrt(2 / (fanIn + fanOut))</li>
 *   <li>{@link #HE_NORMAL}: w ~ N(0, σ²), σ = sqrt(2 / fanIn) (He et al., 2015; for ReLU)</li>
 *   <li>{@link #HE_UNIFORM}: w ~ U(−a, a), a = sqrt(6 / fanIn)</li>
 * </ul>
 * Both Glorot forms give Var(w) = 2 / (fanIn + fanOut); both He forms give Var(w) = 2 / fanIn.
 */
public enum Initializer {
    NORMAL_001 {
        @Override public void fill(float[] w, int fanIn, int fanOut, Rng rng) { normal(w, 0.01, rng); }
    },
    STANDARD_NORMAL {
        @Override public void fill(float[] w, int fanIn, int fanOut, Rng rng) { normal(w, 1.0, rng); }
    },
    GLOROT_UNIFORM {
        @Override public void fill(float[] w, int fanIn, int fanOut, Rng rng) { uniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), rng); }
    },
    GLOROT_NORMAL {
        @Override public void fill(float[] w, int fanIn, int fanOut, Rng rng) { normal(w, Math.sqrt(2.0 / (fanIn + fanOut)), rng); }
    },
    HE_NORMAL {
        @Override public void fill(float[] w, int fanIn, int fanOut, Rng rng) { normal(w, Math.sqrt(2.0 / fanIn), rng); }
    },
    HE_UNIFORM {
        @Override public void fill(float[] w, int fanIn, int fanOut, Rng rng) { uniform(w, Math.sqrt(6.0 / fanIn), rng); }
    };

    /** Fills {@code w} with draws from {@code rng}. */
    public abstract void fill(float[] w, int fanIn, int fanOut, Rng rng);

    private static void normal(float[] w, double sigma, Rng rng) {
        for (int i = 0; i < w.length; i++) w[i] = (float) (sigma * rng.nextGaussian());
    }

    private static void uniform(float[] w, double a, Rng rng) {
        for (int i = 0; i < w.length; i++) w[i] = (float) rng.uniform(-a, a);
    }
}
