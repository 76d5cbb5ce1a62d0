package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Audio;

import java.util.Map;

/** Gain in dB drawn uniformly from {@code [minDb, maxDb]} ({@link WaveOps#gain}). */
public record RandomGain(double minDb, double maxDb) implements Transform<Audio, Audio> {
    public RandomGain {
        if (!(minDb <= maxDb) || !Double.isFinite(minDb) || !Double.isFinite(maxDb)) {
            throw new IllegalArgumentException("need finite minDb <= maxDb, got [" + minDb + ", " + maxDb + "]");
        }
    }

    @Override
    public Audio apply(Audio audio, Rng rng) {
        return WaveOps.gain(audio, rng.uniform(minDb, maxDb));
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.gain", Map.of("minDb", minDb, "maxDb", maxDb));
    }
}
