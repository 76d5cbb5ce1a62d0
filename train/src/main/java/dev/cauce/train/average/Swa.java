package dev.cauce.train.average;

import dev.cauce.train.Param;

import java.util.List;

/**
 * Stochastic weight averaging (Izmailov et al., 2018; PyTorch's {@code swa_utils}): the equal-weight
 * mean of weight snapshots taken along the trajectory, usually while the rate is held constant-high
 * ({@link dev.cauce.train.schedule.ConstantRate}) or cycles
 * ({@link dev.cauce.train.schedule.CyclicTriangular}, snapshot at each cycle's low). Running mean,
 * n snapshots so far:
 * <pre>
 *   θ̄ ← θ̄ + (θ − θ̄)/(n + 1)          (θ̄ = (θ₁ + … + θₙ₊₁)/(n + 1))
 * </pre>
 * Snapshots are taken either explicitly ({@link #update}, e.g. at epoch ends) or by
 * {@link #onStep}: at update t when t ≥ start and (t − start) is a multiple of {@code every}.
 * Recompute batch-norm statistics after {@link #copyTo} (see {@link WeightAverage}).
 */
public final class Swa extends WeightAverage {
    private final long start;
    private final long every;

    /**
     * @param start first update index (0-based) that {@link #onStep} snapshots, ≥ 0
     * @param every snapshot period in updates for {@link #onStep}, ≥ 1 (e.g. the cycle length)
     */
    public Swa(long start, long every) {
        if (start < 0) throw new IllegalArgumentException("start must be >= 0, got " + start);
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        this.start = start;
        this.every = every;
    }

    /** Snapshots only when told ({@link #update}), e.g. at every epoch end. */
    public Swa() {
        this(0, 1);
    }

    /**
     * Call after optimizer update t (0-based); takes a snapshot when t ≥ start and
     * (t − start) mod every = 0. Returns whether it did.
     */
    public boolean onStep(List<Param> params, long t) {
        if (t < start || (t - start) % every != 0) return false;
        update(params);
        return true;
    }

    @Override
    void fold(double[] avg, float[] x, long n) {
        double inv = 1.0 / (n + 1);
        for (int i = 0; i < avg.length; i++) avg[i] += (x[i] - avg[i]) * inv;
    }

    @Override
    public String toString() {
        return "SWA(start=" + start + ", every=" + every + ", snapshots=" + count() + ")";
    }
}
