package dev.cauce.preprocess.audio;

/** Convenience filters over {@link Audio}: RBJ biquads (see {@link Biquad}) and pre-emphasis. */
public final class Filters {
    private Filters() { }

    /** torchaudio's default quality factor for its biquads, 0.707 (Butterworth). */
    public static final double DEFAULT_Q = 0.707;

    public static Audio lowPass(Audio audio, double cutoffHz) {
        return Biquad.lowPass(audio.sampleRate(), cutoffHz, DEFAULT_Q).apply(audio);
    }

    public static Audio highPass(Audio audio, double cutoffHz) {
        return Biquad.highPass(audio.sampleRate(), cutoffHz, DEFAULT_Q).apply(audio);
    }

    public static Audio bandPass(Audio audio, double centreHz, double q) {
        return Biquad.bandPass(audio.sampleRate(), centreHz, q).apply(audio);
    }

    /**
     * Pre-emphasis {@code y[n] = x[n] - coeff * x[n-1]}, {@code y[0] = x[0]} (torchaudio's
     * {@code functional.preemphasis}); 0.97 is the usual coefficient.
     */
    public static Audio preEmphasis(Audio audio, double coeff) {
        if (!(coeff >= 0 && coeff <= 1)) throw new IllegalArgumentException("coeff must be in [0, 1], got " + coeff);
        float k = (float) coeff;
        return audio.mapChannels(x -> {
            float[] y = new float[x.length];
            if (x.length > 0) y[0] = x[0];
            for (int i = 1; i < x.length; i++) y[i] = x[i] - k * x[i - 1];
            return y;
        });
    }
}
