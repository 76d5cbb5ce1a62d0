package dev.cauce.augment.audio;

import dev.cauce.core.Tensor;
import dev.cauce.preprocess.audio.Spectrogram;

/**
 * Pure SpecAugment operations (Park et al., 2019) on (freq, time) spectrograms and on batches
 * (B, freq, time). Each returns a new array; the input is never modified.
 */
public final class SpecOps {
    private SpecOps() { }

    /** Sets frames {@code [start, start + width)} of every bin to {@code value}. */
    public static Spectrogram maskTime(Spectrogram s, int start, int width, float value) {
        checkRange("time", start, width, s.frames());
        float[] d = s.data().clone();
        maskTimeInPlace(d, 0, s.bins(), s.frames(), start, width, value);
        return new Spectrogram(d, s.bins(), s.frames());
    }

    /** Sets bins {@code [start, start + width)} of every frame to {@code value}. */
    public static Spectrogram maskFreq(Spectrogram s, int start, int width, float value) {
        checkRange("frequency", start, width, s.bins());
        float[] d = s.data().clone();
        java.util.Arrays.fill(d, start * s.frames(), (start + width) * s.frames(), value);
        return new Spectrogram(d, s.bins(), s.frames());
    }

    /**
     * Time warp: the frame at {@code center} moves to {@code center + distance}, the frames before
     * and after it are stretched or squeezed linearly to fill [0, T) again (linear interpolation
     * along time in every bin). The first and last frames stay in place.
     */
    public static Spectrogram timeWarp(Spectrogram s, int center, int distance) {
        int t = s.frames();
        if (center <= 0 || center >= t - 1) throw new IllegalArgumentException("center must be in [1, " + (t - 2) + "], got " + center);
        int target = center + distance;
        if (target <= 0 || target >= t - 1) {
            throw new IllegalArgumentException("center + distance must stay in [1, " + (t - 2) + "], got " + target);
        }
        float[] in = s.data();
        float[] out = new float[in.length];
        for (int j = 0; j < t; j++) {
            // source position of output frame j: piecewise-linear map fixing 0 and t-1, target -> center
            double src = j <= target ? j * (double) center / target
                    : center + (j - target) * (double) (t - 1 - center) / (t - 1 - target);
            int i0 = (int) Math.floor(src);
            int i1 = Math.min(t - 1, i0 + 1);
            float w = (float) (src - i0);
            for (int f = 0; f < s.bins(); f++) {
                int row = f * t;
                out[row + j] = in[row + i0] * (1 - w) + in[row + i1] * w;
            }
        }
        return new Spectrogram(out, s.bins(), t);
    }

    /**
     * Time masks on a batch (B, F, T): item {@code b} gets frames {@code [starts[b], starts[b] + widths[b])}
     * set to {@code value} (width 0 = no mask for that item).
     */
    public static Tensor maskTime(Tensor batch, int[] starts, int[] widths, float value) {
        int[] sh = checkBatch(batch, starts, widths);
        float[] d = batch.data().clone();
        for (int b = 0; b < sh[0]; b++) {
            checkRange("time", starts[b], widths[b], sh[2]);
            maskTimeInPlace(d, b * sh[1] * sh[2], sh[1], sh[2], starts[b], widths[b], value);
        }
        return Tensor.of(d, sh);
    }

    /** Frequency masks on a batch (B, F, T), one range per item. */
    public static Tensor maskFreq(Tensor batch, int[] starts, int[] widths, float value) {
        int[] sh = checkBatch(batch, starts, widths);
        float[] d = batch.data().clone();
        for (int b = 0; b < sh[0]; b++) {
            checkRange("frequency", starts[b], widths[b], sh[1]);
            int base = b * sh[1] * sh[2];
            java.util.Arrays.fill(d, base + starts[b] * sh[2], base + (starts[b] + widths[b]) * sh[2], value);
        }
        return Tensor.of(d, sh);
    }

    private static void maskTimeInPlace(float[] d, int base, int bins, int frames, int start, int width, float value) {
        for (int f = 0; f < bins; f++) {
            int row = base + f * frames;
            java.util.Arrays.fill(d, row + start, row + start + width, value);
        }
    }

    private static int[] checkBatch(Tensor batch, int[] starts, int[] widths) {
        if (batch.rank() != 3) throw new IllegalArgumentException("a spectrogram batch must be (B, freq, time), got rank " + batch.rank());
        int[] sh = batch.shape();
        if (starts.length != sh[0] || widths.length != sh[0]) {
            throw new IllegalArgumentException("need one start and width per item: batch of " + sh[0] + ", got "
                    + starts.length + " starts and " + widths.length + " widths");
        }
        return sh;
    }

    private static void checkRange(String axis, int start, int width, int size) {
        if (width < 0 || start < 0 || start + width > size) {
            throw new IllegalArgumentException(axis + " mask [" + start + ", " + (start + width) + ") is outside [0, " + size + ")");
        }
    }
}
