package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Audio;

import java.util.Map;

/**
 * Speed perturbation (Ko et al., 2015): a factor drawn uniformly from {@code [min, max]}, e.g.
 * [0.9, 1.1]; tempo and pitch change together ({@link WaveOps#speed}).
 */
public record SpeedPerturb(double min, double max) implements Transform<Audio, Audio> {
    public SpeedPerturb {
        if (!(min > 0 && min <= max)) throw new IllegalArgumentException("need 0 < min <= max, got [" + min + ", " + max + "]");
    }

    @Override
    public Audio apply(Audio audio, Rng rng) {
        return WaveOps.speed(audio, rng.uniform(min, max));
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.speed", Map.of("min", min, "max", max));
    }
}
