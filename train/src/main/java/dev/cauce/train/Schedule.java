package dev.cauce.train;

/**
 * A learning-rate schedule: the rate used by update {@code t} (0-based), a pure function of t.
 * The trainer asks for the rate before every update.
 */
@FunctionalInterface
public interface Schedule {
    double rate(long t);

    static Schedule constant(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
        return t -> lr;
    }
}
