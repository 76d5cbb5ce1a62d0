package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Audio;

import java.util.Map;

/** Shift by a whole number of samples drawn uniformly from &plusmn;{@code maxSeconds} ({@link WaveOps#shift}). */
public record TimeShift(double maxSeconds) implements Transform<Audio, Audio> {
    public TimeShift {
        if (!(maxSeconds >= 0) || !Double.isFinite(maxSeconds)) throw new IllegalArgumentException("maxSeconds must be >= 0, got " + maxSeconds);
    }

    @Override
    public Audio apply(Audio audio, Rng rng) {
        int max = (int) Math.round(maxSeconds * audio.sampleRate());
        return WaveOps.shift(audio, rng.nextInt(-max, max));
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.time_shift", Map.of("maxSeconds", maxSeconds));
    }
}
