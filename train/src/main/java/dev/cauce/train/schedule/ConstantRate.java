package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;

/** lr_t = lr for every t. */
public record ConstantRate(double lr) implements Schedule {
    public ConstantRate {
        ScheduleChecks.rate("lr", lr);
    }

    @Override
    public double rate(long t) {
        ScheduleChecks.step(t);
        return lr;
    }
}
