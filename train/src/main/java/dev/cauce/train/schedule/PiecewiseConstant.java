package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

import java.util.Arrays;

/**
 * Piecewise-constant rate: {@code lr_t = values[k]} where k is the number of boundaries ≤ t, so
 * {@code values[0]} is used before the first boundary and {@code values[i]} from update
 * {@code boundaries[i−1]} on. {@code values} has one more entry than {@code boundaries}, which must
 * be strictly increasing and positive (Keras' {@code PiecewiseConstantDecay}; PyTorch's
 * {@code MultiStepLR} is {@link #multiStep}).
 */
public record PiecewiseConstant(long[] boundaries, double[] values) implements Schedule {
    public PiecewiseConstant {
        if (values.length != boundaries.length + 1) {
            throw new IllegalArgumentException("values needs boundaries.length + 1 = " + (boundaries.length + 1) + " entries, got " + values.length);
        }
        for (int i = 0; i < boundaries.length; i++) {
            if (boundaries[i] <= (i == 0 ? 0 : boundaries[i - 1])) {
                throw new IllegalArgumentException("boundaries must be positive and strictly increasing, got " + Arrays.toString(boundaries));
            }
        }
        for (double v : values) ScheduleChecks.rateOrZero("every value", v);
        boundaries = boundaries.clone();
        values = values.clone();
    }

    /**
     * PyTorch's {@code MultiStepLR}: lr_t = base·γ^(number of milestones ≤ t).
     */
    public static PiecewiseConstant multiStep(double base, long[] milestones, double gamma) {
        ScheduleChecks.rate("base", base);
        ScheduleChecks.factor("gamma", gamma);
        double[] values = new double[milestones.length + 1];
        for (int i = 0; i < values.length; i++) values[i] = base * Math.pow(gamma, i);
        return new PiecewiseConstant(milestones, values);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        int k = 0;
        while (k < boundaries.length && boundaries[k] <= t) k++;
        return values[k];
    }

    @Override
    public long[] boundaries() {
        return boundaries.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiecewiseConstant p && Arrays.equals(boundaries, p.boundaries) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(boundaries) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PiecewiseConstant[boundaries=" + Arrays.toString(boundaries) + ", values=" + Arrays.toString(values) + "]";
    }
}
