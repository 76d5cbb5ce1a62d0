package dev.cauce.train.average;

/**
 * Polyak averaging in its exponential form (EMA of the weights, as PyTorch's
 * {@code AveragedModel} with an EMA average function). The first snapshot initialises the average;
 * each later one folds in as
 * <pre>
 *   θ̄ ← β·θ̄ + (1 − β)·θ
 * </pre>
 * so after snapshots θ₁…θₙ: θ̄ₙ = βⁿ⁻¹·θ₁ + Σ_{i=2..n} (1 − β)·βⁿ⁻ⁱ·θᵢ (weights summing to 1; no
 * bias towards zero because of the initialisation). The effective window is about 1/(1 − β)
 * updates; call {@link #update} after every optimizer step.
 */
public final class Ema extends WeightAverage {
    private final double decay;

    /** @param decay β in [0, 1), e.g. 0.999 */
    public Ema(double decay) {
        if (!(decay >= 0 && decay < 1)) throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
        this.decay = decay;
    }

    public double decay() {
        return decay;
    }

    @Override
    void fold(double[] avg, float[] x, long n) {
        double take = 1 - decay;
        for (int i = 0; i < avg.length; i++) avg[i] = decay * avg[i] + take * x[i];
    }

    @Override
    public String toString() {
        return "EMA(decay=" + decay + ", snapshots=" + count() + ")";
    }
}
