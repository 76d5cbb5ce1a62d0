package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Spectrogram;

import java.util.Map;

/**
 * SpecAugment time warping: a centre frame drawn uniformly from {@code [W, T - 1 - W]} moves by a
 * distance drawn uniformly from {@code [-W, W]}, {@code W = maxDistance} (see {@link SpecOps#timeWarp}).
 * Spectrograms too short for that ({@code T < 2W + 3}) are returned unchanged.
 *
 * @param maxDistance the warp parameter W in frames
 */
public record TimeWarp(int maxDistance) implements Transform<Spectrogram, Spectrogram> {
    public TimeWarp {
        if (maxDistance < 0) throw new IllegalArgumentException("maxDistance must be >= 0, got " + maxDistance);
    }

    @Override
    public Spectrogram apply(Spectrogram s, Rng rng) {
        int t = s.frames();
        int w = maxDistance;
        if (w == 0 || t < 2 * w + 3) return s;
        int center = rng.nextInt(w + 1, t - 2 - w);
        int distance = rng.nextInt(-w, w);
        return SpecOps.timeWarp(s, center, distance);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.time_warp", Map.of("maxDistance", maxDistance));
    }
}
