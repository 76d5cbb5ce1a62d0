package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Spectrogram;

import java.util.Map;

/**
 * SpecAugment frequency masking: {@code count} masks of a width drawn uniformly from
 * {@code [0, maxWidth]} (capped at the number of bins), placed uniformly inside the bins.
 *
 * @param maxWidth largest mask width in bins (torchaudio's {@code freq_mask_param})
 * @param count    masks per spectrogram
 * @param value    the value written into masked cells
 */
public record FrequencyMask(int maxWidth, int count, float value) implements Transform<Spectrogram, Spectrogram> {

    public FrequencyMask {
        if (maxWidth < 0) throw new IllegalArgumentException("maxWidth must be >= 0, got " + maxWidth);
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
    }

    public FrequencyMask(int maxWidth) {
        this(maxWidth, 1, 0f);
    }

    @Override
    public Spectrogram apply(Spectrogram s, Rng rng) {
        Spectrogram out = s;
        for (int k = 0; k < count; k++) {
            int[] r = Masks.sample(maxWidth, s.bins(), rng);
            out = SpecOps.maskFreq(out, r[0], r[1], value);
        }
        return out;
    }

    /** Masks a batch (B, F, T); item {@code b} draws from {@code rng.child(b)}. */
    public Tensor applyBatch(Tensor batch, Rng rng) {
        int[] sizes = new int[batch.dim(0)];
        java.util.Arrays.fill(sizes, batch.dim(1));
        int[][][] m = Masks.sampleBatch(maxWidth, count, sizes, rng);
        Tensor out = batch;
        for (int k = 0; k < count; k++) out = SpecOps.maskFreq(out, m[0][k], m[1][k], value);
        return out;
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.frequency_mask", Map.of("maxWidth", maxWidth, "count", count, "value", value));
    }
}
