package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Audio;

import java.util.Map;

/** Pitch shift by semitones drawn uniformly from &plusmn;{@code maxSemitones}, duration kept ({@link WaveOps#pitchShift}). */
public record PitchPerturb(double maxSemitones) implements Transform<Audio, Audio> {
    public PitchPerturb {
        if (!(maxSemitones >= 0 && maxSemitones <= 24)) throw new IllegalArgumentException("maxSemitones must be in [0, 24], got " + maxSemitones);
    }

    @Override
    public Audio apply(Audio audio, Rng rng) {
        return WaveOps.pitchShift(audio, rng.uniform(-maxSemitones, maxSemitones));
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.pitch", Map.of("maxSemitones", maxSemitones));
    }
}
