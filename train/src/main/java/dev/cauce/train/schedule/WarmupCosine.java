package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

/**
 * Linear warm-up followed by cosine annealing (the convention of Hugging Face's
 * {@code get_cosine_schedule_with_warmup}, with an optional floor as in PyTorch's
 * {@code CosineAnnealingLR(eta_min)}). With W warm-up steps and T total steps:
 * <pre>
 *   t &lt; W:       lr_t = base·t/W                                    (so lr_0 = 0)
 *   W ≤ t ≤ T:   lr_t = min + (base − min)·½·(1 + cos(π·(t − W)/(T − W)))
 *   t &gt; T:       lr_t = min
 * </pre>
 * W = 0 gives plain cosine annealing (PyTorch's {@code CosineAnnealingLR(T_max=T, eta_min=min)}
 * for t ≤ T; past T PyTorch's curve climbs again, this one stays at {@code min}).
 */
public record WarmupCosine(double base, long warmupSteps, long totalSteps, double min) implements Schedule {
    public WarmupCosine {
        ScheduleChecks.rate("base", base);
        ScheduleChecks.steps("warmupSteps", warmupSteps, 0);
        if (totalSteps <= warmupSteps) throw new IllegalArgumentException("totalSteps must be > warmupSteps (" + warmupSteps + "), got " + totalSteps);
        ScheduleChecks.rateOrZero("min", min);
        if (min > base) throw new IllegalArgumentException("min must be <= base (" + base + "), got " + min);
    }

    /** Warm-up then cosine decay to zero. */
    public WarmupCosine(double base, long warmupSteps, long totalSteps) {
        this(base, warmupSteps, totalSteps, 0);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        if (t < warmupSteps) return base * t / warmupSteps;
        double progress = (double) (Math.min(t, totalSteps) - warmupSteps) / (totalSteps - warmupSteps);
        return min + (base - min) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
