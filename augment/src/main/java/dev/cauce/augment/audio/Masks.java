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

    /**
     * Masks for a batch: {@code result[0][k][b]} and {@code result[1][k][b]} are the start and width
     * of mask {@code k} of item {@code b}, sampled within {@code sizes[b]} from {@code rng.child(b)}
     * (so an item's masks do not depend on the batch it is in).
     */
    static int[][][] sampleBatch(int maxWidth, int count, int[] sizes, Rng rng) {
        int b = sizes.length;
        int[][] starts = new int[count][b], widths = new int[count][b];
        for (int i = 0; i < b; i++) {
            Rng r = rng.child(i);
            for (int k = 0; k < count; k++) {
                int[] m = sample(maxWidth, sizes[i], r);
                starts[k][i] = m[0];
                widths[k][i] = m[1];
            }
        }
        return new int[][][] {starts, widths};
    }

    static void checkValid(int valid, int frames) {
        if (valid < 0 || valid > frames) {
            throw new IllegalArgumentException("valid length must be in [0, " + frames + "], got " + valid);
        }
    }
}
