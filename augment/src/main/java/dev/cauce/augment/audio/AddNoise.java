package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.audio.Audio;

import java.util.Map;
import java.util.Objects;

/**
 * Additive noise at an SNR drawn uniformly from {@code [minSnrDb, maxSnrDb]}: white or pink noise
 * generated from the {@link Rng}, or a real recording read from a random offset (wrapping around).
 * The mixing itself is {@link WaveOps#addNoise}.
 */
public final class AddNoise implements Transform<Audio, Audio> {

    /** Where the noise comes from. */
    public enum Kind { WHITE, PINK, RECORDING }

    private final Kind kind;
    private final double minSnrDb;
    private final double maxSnrDb;
    private final float[] recording;
    private final String recordingSource;

    private AddNoise(Kind kind, double minSnrDb, double maxSnrDb, float[] recording, String recordingSource) {
        if (!(Double.isFinite(minSnrDb) && Double.isFinite(maxSnrDb) && minSnrDb <= maxSnrDb)) {
            throw new IllegalArgumentException("need finite minSnrDb <= maxSnrDb, got [" + minSnrDb + ", " + maxSnrDb + "]");
        }
        this.kind = kind;
        this.minSnrDb = minSnrDb;
        this.maxSnrDb = maxSnrDb;
        this.recording = recording;
        this.recordingSource = recordingSource;
    }

    public static AddNoise white(double minSnrDb, double maxSnrDb) {
        return new AddNoise(Kind.WHITE, minSnrDb, maxSnrDb, null, null);
    }

    public static AddNoise pink(double minSnrDb, double maxSnrDb) {
        return new AddNoise(Kind.PINK, minSnrDb, maxSnrDb, null, null);
    }

    /**
     * A real noise recording (mixed down to mono; it should have the signal's sample rate).
     *
     * @param source names the recording in {@link #spec()} (e.g. its path) so the pipeline can be rebuilt
     */
    public static AddNoise recording(Audio noise, String source, double minSnrDb, double maxSnrDb) {
        Objects.requireNonNull(source, "source");
        float[] n = noise.toMono().channel(0);
        if (n.length == 0) throw new IllegalArgumentException(source + ": noise recording has 0 samples");
        return new AddNoise(Kind.RECORDING, minSnrDb, maxSnrDb, n, source);
    }

    @Override
    public Audio apply(Audio audio, Rng rng) {
        double snr = rng.uniform(minSnrDb, maxSnrDb);
        if (minSnrDb == maxSnrDb) snr = minSnrDb;
        int n = audio.frames();
        return switch (kind) {
            case WHITE -> WaveOps.addNoise(audio, WaveOps.whiteNoise(n, rng.child(1)), 0, snr);
            case PINK -> WaveOps.addNoise(audio, WaveOps.pinkNoise(n, rng.child(1)), 0, snr);
            case RECORDING -> WaveOps.addNoise(audio, recording, rng.nextInt(recording.length), snr);
        };
    }

    @Override
    public TransformSpec spec() {
        var p = new java.util.HashMap<String, Object>(Map.of("kind", kind.name().toLowerCase(java.util.Locale.ROOT),
                "minSnrDb", minSnrDb, "maxSnrDb", maxSnrDb));
        if (recordingSource != null) p.put("recording", recordingSource);
        return TransformSpec.of("audio.add_noise", p);
    }

    @Override
    public String toString() {
        return spec().toString();
    }
}
