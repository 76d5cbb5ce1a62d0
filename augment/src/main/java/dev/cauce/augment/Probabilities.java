package dev.cauce.augment;

/** Parameter checks shared by the augmentations. */
public final class Probabilities {

    private Probabilities() {
    }

    /** Checks that {@code p} is a probability. */
    public static double check(String name, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        return p;
    }

    /** Checks {@code lo <= hi}, both finite. */
    public static void checkRange(String name, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException(name + " must be a finite range lo <= hi, got [" + lo + ", " + hi + "]");
        }
    }
}
