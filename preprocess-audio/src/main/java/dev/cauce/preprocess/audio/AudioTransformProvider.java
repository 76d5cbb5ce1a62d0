package dev.cauce.preprocess.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.Encoded;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformProvider;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The audio module's transforms for {@link dev.cauce.core.spec.TransformRegistry}: {@code read_audio}
 * (a pipeline's reader for WAV bytes), {@code audio.features} and {@code audio.to_tensor}.
 */
public final class AudioTransformProvider implements TransformProvider {

    /** Decodes WAV bytes ({@link Wav#decode}); errors name the file. */
    public record ReadAudio() implements Transform<Encoded, Audio> {
        @Override public Audio apply(Encoded file, Rng rng) {
            try {
                return Wav.decode(file.bytes(), file.source());
            } catch (IOException e) {
                throw new SampleException(file.source(), e.getMessage(), e);
            }
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("read_audio", Map.of());
        }
    }

    /** A (freq, time) spectrogram as a tensor of that shape, for shards. */
    public record SpectrogramToTensor() implements Transform<Spectrogram, Tensor> {
        @Override public Tensor apply(Spectrogram s, Rng rng) {
            return s.toTensor();
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("audio.to_tensor", Map.of());
        }
    }

    @Override
    public List<TransformFactory> transforms() {
        return List.of(
                TransformFactory.of("read_audio", Encoded.class, Audio.class, "decode WAV bytes", p -> new ReadAudio()),
                TransformFactory.of("audio.features", Audio.class, Spectrogram.class, "spectrogram, mel or MFCC matrix",
                        p -> new AudioFeatures(p.enumValue("kind", AudioFeatures.Kind.class), p.integer("sampleRate", 1000, 384_000),
                                p.integer("nFft", 16, 1 << 16), p.integer("hop", 1, 1 << 16), p.integer("nMels", 1, 1024),
                                p.integer("nMfcc", 1, 1024), p.bool("db"))),
                TransformFactory.of("audio.to_tensor", Spectrogram.class, Tensor.class, "(freq, time) tensor", p -> new SpectrogramToTensor()));
    }
}
