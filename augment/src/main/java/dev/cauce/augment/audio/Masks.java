package dev.cauce.augment.audio;

import dev.cauce.core.Rng;

/** Parameter sampling shared by the mask transforms. */
final class Masks {
    private Masks() { }

    /** {start, width}: width uniform in [0, min(maxWidth, size)], start uniform in [0, size - width]. */
    static int[] sample(int maxWidth, int size, Rng rng) {
        int width = rng.nextInt(0, Math.min(maxWidth, size));
        int start = rng.nextInt(0, size - width);
        return new int[] {start, width};
    }

    static void checkValid(int valid, int frames) {
        if (valid < 0 || valid > frames) {
            throw new IllegalArgumentException("valid length must be in [0, " + frames + "], got " + valid);
        }
    }
}
