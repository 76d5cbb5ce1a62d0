package dev.cauce.preprocess.video;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Picks keyframes from per-frame motion scores (see {@link MotionScores}): the highest-scoring frames
 * first, skipping any frame closer than {@code minSpacing} to one already picked, so a single burst
 * of motion does not take every slot. Ties go to the earlier frame. The result is in frame order.
 */
public final class KeyframeSelector {
    private KeyframeSelector() { }

    /**
     * Up to {@code k} frames with the highest scores, pairwise at least {@code minSpacing} apart.
     * Fewer come back only when the spacing leaves no room (at least {@code ⌈K/(2·minSpacing−1)⌉}
     * frames always fit in K frames).
     */
    public static int[] topK(double[] scores, int k, int minSpacing) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        return pick(scores, k, Double.NEGATIVE_INFINITY, minSpacing);
    }

    /** Every frame scoring at least {@code threshold}, best first under the spacing rule. */
    public static int[] threshold(double[] scores, double threshold, int minSpacing) {
        if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold must be a number, got NaN");
        return pick(scores, Integer.MAX_VALUE, threshold, minSpacing);
    }

    /** The largest spacing that still guarantees {@code k} picks in {@code count} frames: ⌊count/(2k)⌋, at least 1. */
    public static int spacingFor(int count, int k) {
        return Math.max(1, count / (2 * Math.max(1, k)));
    }

    private static int[] pick(double[] scores, int k, double threshold, int minSpacing) {
        if (minSpacing < 1) throw new IllegalArgumentException("minSpacing must be >= 1, got " + minSpacing);
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) throw new IllegalArgumentException("score of frame " + i + " is NaN");
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        // blocked[i] marks frames within minSpacing of a pick: O(K * spacing), fine for videos.
        boolean[] blocked = new boolean[scores.length];
        int[] picked = new int[Math.min(k, scores.length)];
        int n = 0;
        for (int i : order) {
            if (n == picked.length || scores[i] < threshold) break;
            if (blocked[i]) continue;
            picked[n++] = i;
            int lo = Math.max(0, i - minSpacing + 1);
            int hi = Math.min(scores.length - 1, i + minSpacing - 1);
            for (int j = lo; j <= hi; j++) blocked[j] = true;
        }
        int[] out = Arrays.copyOf(picked, n);
        Arrays.sort(out);
        return out;
    }
}
