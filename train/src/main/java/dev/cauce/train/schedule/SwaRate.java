package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

/**
 * The rate for stochastic weight averaging: follow {@code before} until update {@code start}, then
 * anneal from r₀ = before.rate(start) to the constant SWA rate over {@code annealSteps} updates
 * with a half cosine (PyTorch's {@code SWALR(anneal_strategy='cos')} idea, in closed form), then
 * hold it:
 * <pre>
 *   t &lt; start:   lr_t = before.rate(t)
 *   else:        k = min(1, (t − start)/annealSteps),  a = (1 − cos(π·k))/2
 *                lr_t = (1 − a)·r₀ + a·swaLr                 (annealSteps = 0: swaLr at once)
 * </pre>
 * Pair it with {@link dev.cauce.train.average.Swa}{@code (start, every)}. For the cyclic variant of
 * SWA use {@link CyclicTriangular} and snapshot at the cycle minima instead.
 */
public record SwaRate(Schedule before, long start, double swaLr, long annealSteps) implements Schedule {
    public SwaRate {
        if (before == null) throw new IllegalArgumentException("before must not be null");
        ScheduleChecks.steps("start", start, 0);
        ScheduleChecks.rate("swaLr", swaLr);
        ScheduleChecks.steps("annealSteps", annealSteps, 0);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        if (t < start) return before.rate(t);
        if (annealSteps == 0) return swaLr;
        double k = Math.min(1.0, (double) (t - start) / annealSteps);
        double a = (1 - Math.cos(Math.PI * k)) / 2;
        return (1 - a) * before.rate(start) + a * swaLr;
    }
}
