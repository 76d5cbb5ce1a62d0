package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

/** Exponential decay (PyTorch's {@code ExponentialLR}): lr_t = base·γᵗ, γ in (0, 1]. */
public record ExponentialDecay(double base, double gamma) implements Schedule {
    public ExponentialDecay {
        ScheduleChecks.rate("base", base);
        ScheduleChecks.factor("gamma", gamma);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        return base * Math.pow(gamma, t);
    }
}
