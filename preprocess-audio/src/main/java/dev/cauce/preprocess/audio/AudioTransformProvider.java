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
                // Wav's messages start with the source already; the SampleException adds it again
                String prefix = file.source() + ": ";
                String problem = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
                throw new SampleException(file.source(), problem, e);
            }
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("read_audio", Map.of());
        }
    }

    /**
     * A (freq, time) spectrogram as a tensor of that shape, for shards. Recordings differ in length
     * and a shard needs one shape, so {@code frames > 0} crops or zero-pads the time axis to that
     * many frames (as {@code cauce audio convert --frames}); 0 keeps every frame.
     */
    public record SpectrogramToTensor(int frames) implements Transform<Spectrogram, Tensor> {
        public SpectrogramToTensor {
            if (frames < 0) throw new IllegalArgumentException("frames must be >= 0, got " + frames);
        }

        public SpectrogramToTensor() {
            this(0);
        }

        @Override public Tensor apply(Spectrogram s, Rng rng) {
            if (frames == 0 || frames == s.frames()) return s.toTensor();
            float[] out = new float[Math.multiplyExact(s.bins(), frames)];
            int keep = Math.min(frames, s.frames());
            for (int f = 0; f < s.bins(); f++) System.arraycopy(s.data(), f * s.frames(), out, f * frames, keep);
            return Tensor.of(out, s.bins(), frames);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("audio.to_tensor", frames == 0 ? Map.of() : Map.of("frames", frames));
        }
    }

    /**
     * {@code audio.features} from spec parameters. Each one defaults to {@link AudioFeatures#logMel16k()}
     * (also the defaults of {@code cauce audio convert}), so {@code {name: audio.features, params:
     * {kind: mfcc}}} is a complete entry instead of a run that names one missing parameter at a time.
     */
    static AudioFeatures features(dev.cauce.core.spec.Params p) {
        AudioFeatures d = AudioFeatures.logMel16k();
        return new AudioFeatures(p.enumValue("kind", AudioFeatures.Kind.class, d.kind()),
                p.integer("sampleRate", 1000, 384_000, d.sampleRate()), p.integer("nFft", 16, 1 << 16, d.nFft()),
                p.integer("hop", 1, 1 << 16, d.hop()), p.integer("nMels", 1, 1024, d.nMels()),
                p.integer("nMfcc", 1, 1024, d.nMfcc()), p.bool("db", d.db()));
    }

    @Override
    public List<TransformFactory> transforms() {
        return List.of(
                TransformFactory.of("read_audio", Encoded.class, Audio.class, "decode WAV bytes", p -> new ReadAudio()),
                TransformFactory.of("audio.features", Audio.class, Spectrogram.class, "spectrogram, mel or MFCC matrix",
                        AudioTransformProvider::features),
                TransformFactory.of("audio.to_tensor", Spectrogram.class, Tensor.class,
                        "(freq, time) tensor; frames: N crops or zero-pads time to N", p -> new SpectrogramToTensor(p.integer("frames", 0, 1 << 24, 0))));
    }
}
