package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;

/**
 * Inverted dropout: in training each input is kept with probability {@code P = 1 − rate} and
 * scaled by {@code 1/P}, or zeroed; at inference the layer is the identity. The scaling keeps
 * the expected activation equal in both modes: {@code E[m·x/P] = x} for {@code m ~ Bernoulli(P)}.
 *
 * <p>The classic formulation (Srivastava et al., 2014) instead trains with the unscaled mask
 * {@code m·x} and, at inference, multiplies the weights leaving the dropped units by P
 * ({@code θ·P}, see {@link #scaleForInference}): the next layer's expected input
 * {@code W·E[m·x] = (P·W)·x} is again matched. Both give the same expected pre-activation of the
 * next layer; inverted dropout does the scaling during training so inference needs no change.
 *
 * <p>Masks come from the step's {@link Context#rng()} (keyed by seed, epoch, batch and layer), so
 * they are reproducible and independent of the thread count.
 */
public final class Dropout implements Layer {
    private final String name;
    private final double rate;
    private float[] mask;
    private int[] lastShape;

    /** @param rate probability of dropping a unit, in [0, 1) */
    public Dropout(String name, double rate) {
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException(name + ": dropout rate must be in [0, 1), got " + rate);
        this.name = name;
        this.rate = rate;
    }

    public double rate() {
        return rate;
    }

    /**
     * The weights to use at inference in the non-inverted formulation: {@code θ·P} with P = keep
     * probability (a new array; {@code weights} is not changed).
     */
    public static float[] scaleForInference(float[] weights, double rate) {
        float[] out = new float[weights.length];
        float keep = (float) (1 - rate);
        for (int i = 0; i < out.length; i++) out[i] = weights[i] * keep;
        return out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        lastShape = x.shape();
        if (!ctx.training() || rate == 0) {
            mask = null;
            return x;
        }
        float[] in = x.data();
        if (mask == null || mask.length != in.length) mask = new float[in.length];
        Rng rng = ctx.rng().child(0); // a fresh stream: the same context always gives the same mask
        double keep = 1 - rate;
        float scale = (float) (1 / keep);
        float[] y = new float[in.length];
        for (int i = 0; i < in.length; i++) {
            mask[i] = rng.nextDouble() < keep ? scale : 0f;
            y[i] = in[i] * mask[i];
        }
        return Tensor.of(y, lastShape);
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (!needInputGrad) return null;
        if (mask == null) return gradOutput;
        float[] g = gradOutput.data();
        float[] dx = new float[g.length];
        for (int i = 0; i < g.length; i++) dx[i] = g[i] * mask[i];
        return Tensor.of(dx, lastShape);
    }
}
