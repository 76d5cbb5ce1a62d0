package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

/**
 * Cyclical learning rate, triangular policy (Smith, 2017; PyTorch's {@code CyclicLR(mode='triangular')}):
 * the rate climbs linearly from {@code low} to {@code high} over {@code stepsUp} updates, falls back
 * over {@code stepsDown}, and repeats, with no amplitude decay. With period P = up + down and
 * r = up / P:
 * <pre>
 *   cycle = ⌊1 + t/P⌋,  x = 1 + t/P − cycle            (position in the cycle, in [0, 1))
 *   s = x/r if x ≤ r, else (x − 1)/(r − 1)
 *   lr_t = low + (high − low)·s
 * </pre>
 * For up = down = n this is the textbook {@code x = |t/n − 2·cycle + 1|, lr = low + (high−low)·max(0, 1−x)}.
 * Also a usual SWA schedule (cyclic rate, averaging at the cycle minima).
 */
public record CyclicTriangular(double low, double high, long stepsUp, long stepsDown) implements Schedule {
    public CyclicTriangular {
        ScheduleChecks.rateOrZero("low", low);
        ScheduleChecks.rate("high", high);
        if (high < low) throw new IllegalArgumentException("high must be >= low (" + low + "), got " + high);
        ScheduleChecks.steps("stepsUp", stepsUp, 1);
        ScheduleChecks.steps("stepsDown", stepsDown, 1);
    }

    /** A symmetric triangle: {@code stepsUp} up, as many down. */
    public CyclicTriangular(double low, double high, long stepsUp) {
        this(low, high, stepsUp, stepsUp);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        double period = stepsUp + stepsDown;
        double ratio = stepsUp / period;
        double cycle = Math.floor(1 + t / period);
        double x = 1 + t / period - cycle;
        double scale = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
        return low + (high - low) * scale;
    }
}
