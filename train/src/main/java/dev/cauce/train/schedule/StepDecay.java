package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

/**
 * Step decay (PyTorch's {@code StepLR}): lr_t = base·γ^⌊t / stepSize⌋, the rate multiplied by γ
 * every {@code stepSize} updates.
 */
public record StepDecay(double base, long stepSize, double gamma) implements Schedule {
    public StepDecay {
        ScheduleChecks.rate("base", base);
        ScheduleChecks.steps("stepSize", stepSize, 1);
        ScheduleChecks.factor("gamma", gamma);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        return base * Math.pow(gamma, t / stepSize);
    }
}
