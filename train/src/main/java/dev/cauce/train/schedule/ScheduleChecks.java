package dev.cauce.train.schedule;

/** Argument checks for schedules; messages name the parameter, its value and the allowed range. */
final class ScheduleChecks {
    private ScheduleChecks() {
    }

    static void rate(String name, double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) throw new IllegalArgumentException(name + " must be > 0 and finite, got " + lr);
    }

    static void rateOrZero(String name, double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + lr);
    }

    static void steps(String name, long n, long min) {
        if (n < min) throw new IllegalArgumentException(name + " must be >= " + min + ", got " + n);
    }

    static void factor(String name, double gamma) {
        if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException(name + " must be in (0, 1], got " + gamma);
    }

    static void step(long t) {
        if (t < 0) throw new IllegalArgumentException("update index t must be >= 0, got " + t);
    }
}
