package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Spectrogram;

import java.util.Map;

/**
 * SpecAugment time masking: {@code count} masks, each of a width drawn uniformly from
 * {@code [0, maxWidth]} (capped at the valid length) and a start drawn uniformly so the mask lies
 * inside the valid frames. Padding frames beyond a given valid length are never masked.
 *
 * @param maxWidth  largest mask width in frames (torchaudio's {@code time_mask_param})
 * @param count     masks per spectrogram
 * @param value     the value written into masked cells (torchaudio's default 0)
 */
public record TimeMask(int maxWidth, int count, float value) implements Transform<Spectrogram, Spectrogram> {

    public TimeMask {
        if (maxWidth < 0) throw new IllegalArgumentException("maxWidth must be >= 0, got " + maxWidth);
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
    }

    /** One mask of up to {@code maxWidth} frames, masked cells set to 0. */
    public TimeMask(int maxWidth) {
        this(maxWidth, 1, 0f);
    }

    @Override
    public Spectrogram apply(Spectrogram s, Rng rng) {
        return apply(s, s.frames(), rng);
    }

    /** Masks only within the first {@code validFrames} frames. */
    public Spectrogram apply(Spectrogram s, int validFrames, Rng rng) {
        Masks.checkValid(validFrames, s.frames());
        Spectrogram out = s;
        for (int k = 0; k < count; k++) {
            int[] r = Masks.sample(maxWidth, validFrames, rng);
            out = SpecOps.maskTime(out, r[0], r[1], value);
        }
        return out;
    }

    /**
     * Masks a batch (B, F, T); item {@code b} is masked only within its first {@code validFrames[b]}
     * frames and draws from {@code rng.child(b)}, so its masks do not depend on the batch size.
     */
    public Tensor applyBatch(Tensor batch, int[] validFrames, Rng rng) {
        int b = batch.dim(0);
        if (validFrames.length != b) throw new IllegalArgumentException("need " + b + " valid lengths, got " + validFrames.length);
        for (int v : validFrames) Masks.checkValid(v, batch.dim(2));
        int[][][] m = Masks.sampleBatch(maxWidth, count, validFrames, rng);
        Tensor out = batch;
        for (int k = 0; k < count; k++) out = SpecOps.maskTime(out, m[0][k], m[1][k], value);
        return out;
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.time_mask", Map.of("maxWidth", maxWidth, "count", count, "value", value));
    }
}
