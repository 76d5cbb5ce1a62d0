package dev.cauce.train.regularize;

/** Argument checks; messages name the parameter, its value and the allowed range. */
final class RegularizeChecks {
    private RegularizeChecks() {
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + value);
        return value;
    }
}
