package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

/**
 * Polynomial decay from {@code base} to {@code end} over {@code totalSteps} updates, then constant:
 * <pre>
 *   lr_t = (base − end)·(1 − min(t, T)/T)^p + end
 * </pre>
 * With end = 0 this is PyTorch's {@code PolynomialLR(total_iters=T, power=p)}; with end &gt; 0,
 * Keras' {@code PolynomialDecay}. p = 1 is linear decay.
 */
public record PolynomialDecay(double base, long totalSteps, double power, double end) implements Schedule {
    public PolynomialDecay {
        ScheduleChecks.rate("base", base);
        ScheduleChecks.steps("totalSteps", totalSteps, 1);
        if (!(power > 0) || Double.isInfinite(power)) throw new IllegalArgumentException("power must be > 0 and finite, got " + power);
        ScheduleChecks.rateOrZero("end", end);
        if (end > base) throw new IllegalArgumentException("end must be <= base (" + base + "), got " + end);
    }

    /** Decay to zero (PyTorch's PolynomialLR). */
    public PolynomialDecay(double base, long totalSteps, double power) {
        this(base, totalSteps, power, 0);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        double remaining = 1 - (double) Math.min(t, totalSteps) / totalSteps;
        return (base - end) * Math.pow(remaining, power) + end;
    }
}
