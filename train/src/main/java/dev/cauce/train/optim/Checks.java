package dev.cauce.train.optim;

/** Argument checks shared by the optimizers; messages name the parameter, its value and the allowed range. */
final class Checks {
    private Checks() {
    }

    /** Requires {@code 0 <= value < 1} (a decay or momentum coefficient). */
    static double unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        return value;
    }

    /** Requires {@code value >= 0} and finite. */
    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        return value;
    }

    /** Requires {@code value > 0} and finite. */
    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
        return value;
    }

    /**
     * The learning rate of one step: {@code >= 0} and finite. Zero is allowed because a warm-up
     * schedule starts at lr_0 = 0 (the update then changes nothing but the optimizer state).
     */
    static double learningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be >= 0 and finite, got " + lr);
        return lr;
    }
}
