package dev.cauce.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on lane-interleaved batches, the layout of {@link RealFft}: element {@code e} of item
 * {@code f} (f &lt; {@link #lanes()}) at {@code e·lanes + f}, so a row of the batch is one vector.
 * Used to cut a signal into windowed frames and to reduce spectra (filterbanks) a batch at a time.
 */
public final class LaneBatch {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private LaneBatch() {
    }

    /** Items per batch: the float lanes of the preferred species (8 with AVX2). */
    public static int lanes() {
        return L;
    }

    /**
     * Windowed frames of {@code signal} into a batch of {@code frameLength} rows: item f starts at
     * {@code first + min(f, count-1)·hop} (items past {@code count} repeat the last frame, so every
     * lane reads valid samples), and its row {@code winOff + i} is {@code signal[start + i]·window[i]}
     * for {@code i < window.length}; other rows are zero.
     *
     * <p>A full batch is cut by sliding rather than gathering: row {@code i + hop} holds the samples
     * of row {@code i} moved down one lane plus one new sample in the top lane, so only the first
     * {@code hop} rows need a gather (the slow part, about 25 cycles each with AVX-512); this halved
     * the framing time of the mel chain at n_fft 512, hop 128.
     */
    public static void windowedFrames(float[] signal, int first, int hop, int count, float[] window, int winOff,
                                      int frameLength, float[] batch) {
        int w = window.length;
        if (winOff + w > frameLength) throw new IllegalArgumentException("window of " + w + " at " + winOff + " exceeds the frame of " + frameLength);
        if (count < 1 || count > L) throw new IllegalArgumentException("count must be in [1, " + L + "], got " + count);
        FloatVector zero = FloatVector.zero(S);
        for (int r = 0; r < winOff; r++) zero.intoArray(batch, r * L);
        int[] starts = new int[L];
        for (int f = 0; f < L; f++) starts[f] = Math.min(f, count - 1) * hop;
        if (count < L) {
            for (int i = 0; i < w; i++) {
                FloatVector.fromArray(S, signal, first + i, starts, 0).mul(window[i]).intoArray(batch, (winOff + i) * L);
            }
        } else {
            int top = first + L * hop; // row i + hop's top lane: signal[top + i]
            for (int i = 0; i < hop && i < w; i++) {
                FloatVector raw = FloatVector.fromArray(S, signal, first + i, starts, 0);
                raw.mul(window[i]).intoArray(batch, (winOff + i) * L);
                for (int r = i + hop; r < w; r += hop) {
                    raw = raw.slice(1, FloatVector.broadcast(S, signal[top + r - hop]));
                    raw.mul(window[r]).intoArray(batch, (winOff + r) * L);
                }
            }
        }
        for (int r = winOff + w; r < frameLength; r++) zero.intoArray(batch, r * L);
    }

    /**
     * {@code dst[dstOff + f] = Σ_k weights[k]·batch[(firstRow + k)·lanes + f]} for the first
     * {@code count} items: one filter of a filterbank applied to a batch of spectra, written as
     * {@code count} consecutive values (e.g. frames of one output row).
     */
    public static void weightedRowSum(float[] weights, float[] batch, int firstRow, float[] dst, int dstOff, int count) {
        FloatVector acc = FloatVector.zero(S);
        for (int k = 0; k < weights.length; k++) {
            acc = FloatVector.fromArray(S, batch, (firstRow + k) * L).fma(FloatVector.broadcast(S, weights[k]), acc);
        }
        if (count == L) {
            acc.intoArray(dst, dstOff);
        } else {
            VectorMask<Float> m = S.indexInRange(0, count);
            acc.intoArray(dst, dstOff, m);
        }
    }
}
