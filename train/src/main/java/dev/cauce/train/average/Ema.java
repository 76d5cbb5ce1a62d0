package dev.cauce.train.average;

import java.util.Locale;

/**
 * Polyak averaging in its exponential form (EMA of the weights). Call {@link #update} after every
 * optimizer step; the effective window is about 1/(1 − β) updates. Three ways to start the
 * average, chosen by {@link Correction}:
 *
 * <ul>
 *   <li>{@link Correction#NONE} (PyTorch's {@code AveragedModel} with an EMA function): the first
 *       snapshot initialises the average and each later one folds in as θ̄ ← β·θ̄ + (1 − β)·θ, so
 *       after θ₁…θₙ: θ̄ₙ = βⁿ⁻¹·θ₁ + Σ_{i=2..n} (1 − β)·βⁿ⁻ⁱ·θᵢ. With β = 0.999 over a few hundred
 *       updates the first (often untrained) weights keep a large share: βⁿ⁻¹ ≈ 0.55 at n = 600.</li>
 *   <li>{@link Correction#ADAM}: Adam's bias correction. The biased average starts at zero,
 *       mₙ = β·mₙ₋₁ + (1 − β)·θₙ, and the average is θ̂ₙ = mₙ/(1 − βⁿ) =
 *       Σ_{i=1..n} (1 − β)·βⁿ⁻ⁱ·θᵢ / (1 − βⁿ): the usual exponential weights, renormalised to sum to
 *       one, so early snapshots get no excess weight. Kept directly in corrected form:
 *       θ̂ₙ = (1 − wₙ)·θ̂ₙ₋₁ + wₙ·θₙ with wₙ = (1 − β)/(1 − βⁿ) (w₁ = 1).</li>
 *   <li>{@link Correction#NUM_UPDATES}: TensorFlow's {@code ExponentialMovingAverage(decay,
 *       num_updates)}: the first snapshot initialises the average (TF's shadow variable starts at
 *       the variable's value) and snapshot n + 1 folds in with the decay
 *       min(β, (1 + n)/(10 + n)), n being the number of snapshots already held, so the average
 *       moves fast at first (decay 0.18, 0.25, 0.31, …) and settles at β.</li>
 * </ul>
 */
public final class Ema extends WeightAverage {
    /** How the start of the average is handled; see the class comment for the formulas. */
    public enum Correction {
        NONE, ADAM, NUM_UPDATES;

        /** Parses {@code none}, {@code adam} or {@code num-updates} (case-insensitive). */
        public static Correction parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "adam" -> ADAM;
                case "num-updates", "num_updates", "tf" -> NUM_UPDATES;
                default -> throw new IllegalArgumentException("EMA correction must be none, adam or num-updates, got '" + s + "'");
            };
        }
    }

    private final double decay;
    private final Correction correction;

    /** No correction (PyTorch's {@code AveragedModel} EMA). @param decay β in [0, 1), e.g. 0.999 */
    public Ema(double decay) {
        this(decay, Correction.NONE);
    }

    /** @param decay β in [0, 1), e.g. 0.999 */
    public Ema(double decay, Correction correction) {
        if (!(decay >= 0 && decay < 1)) throw new IllegalArgumentException("decay must be in [0, 1), got " + decay);
        this.decay = decay;
        this.correction = java.util.Objects.requireNonNull(correction, "correction");
    }

    public double decay() {
        return decay;
    }

    public Correction correction() {
        return correction;
    }

    /** Weight of the new snapshot when the average already holds {@code n ≥ 1} snapshots. */
    double newWeight(long n) {
        return switch (correction) {
            case NONE -> 1 - decay;
            case ADAM -> (1 - decay) / (1 - Math.pow(decay, n + 1));
            case NUM_UPDATES -> 1 - Math.min(decay, (1.0 + n) / (10.0 + n));
        };
    }

    @Override
    void fold(double[] avg, float[] x, long n) {
        double take = newWeight(n);
        double keep = 1 - take;
        for (int i = 0; i < avg.length; i++) avg[i] = keep * avg[i] + take * x[i];
    }

    @Override
    public String toString() {
        return "EMA(decay=" + decay + (correction == Correction.NONE ? "" : ", correction=" + correction.name().toLowerCase(Locale.ROOT))
                + ", snapshots=" + count() + ")";
    }
}
