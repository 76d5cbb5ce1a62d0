package dev.cauce.preprocess.audio;

/**
 * A second-order IIR section with coefficients normalised by {@code a0}:
 * {@code y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2]}, zero initial state.
 *
 * <p>The factory methods are the RBJ "Audio EQ Cookbook" designs, the same formulas torchaudio's
 * {@code lowpass_biquad}, {@code highpass_biquad} and {@code bandpass_biquad} use. Written here
 * rather than taken from TarsosDSP because TarsosDSP's {@code LowPassFS}/{@code HighPass} are
 * single-pole designs, not RBJ biquads, and would not match torchaudio. Coefficients and the
 * recursion are in double precision; torchaudio runs them in the waveform's float32, which differs
 * by a few 1e-6 on real speech.
 */
public record Biquad(double b0, double b1, double b2, double a1, double a2) {

    /** Low-pass at {@code cutoffHz} with quality {@code q} (0.707 = Butterworth, torchaudio's default). */
    public static Biquad lowPass(int sampleRate, double cutoffHz, double q) {
        double w0 = omega(sampleRate, cutoffHz, q);
        double c = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return normalised((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    /** High-pass at {@code cutoffHz} with quality {@code q}. */
    public static Biquad highPass(int sampleRate, double cutoffHz, double q) {
        double w0 = omega(sampleRate, cutoffHz, q);
        double c = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return normalised((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    /**
     * Band-pass centred on {@code centreHz}, constant 0 dB peak gain (torchaudio's
     * {@code bandpass_biquad(const_skirt_gain=False)}); bandwidth is {@code centre / q}.
     */
    public static Biquad bandPass(int sampleRate, double centreHz, double q) {
        double w0 = omega(sampleRate, centreHz, q);
        double c = Math.cos(w0);
        double alpha = Math.sin(w0) / (2 * q);
        return normalised(alpha, 0, -alpha, 1 + alpha, -2 * c, 1 - alpha);
    }

    private static double omega(int sampleRate, double f, double q) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be positive, got " + sampleRate);
        if (!(f > 0 && f < sampleRate / 2.0)) {
            throw new IllegalArgumentException("frequency must be in (0, " + sampleRate / 2.0 + ") Hz (below Nyquist), got " + f);
        }
        if (!(q > 0)) throw new IllegalArgumentException("q must be positive, got " + q);
        return 2 * Math.PI * f / sampleRate;
    }

    private static Biquad normalised(double b0, double b1, double b2, double a0, double a1, double a2) {
        return new Biquad(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
    }

    /** Magnitude response in dB at {@code hz}: {@code 20 log10 |H(e^{jw})|}. */
    public double gainDb(int sampleRate, double hz) {
        double w = 2 * Math.PI * hz / sampleRate;
        double c1 = Math.cos(w), s1 = Math.sin(w), c2 = Math.cos(2 * w), s2 = Math.sin(2 * w);
        double nr = b0 + b1 * c1 + b2 * c2, ni = -(b1 * s1 + b2 * s2);
        double dr = 1 + a1 * c1 + a2 * c2, di = -(a1 * s1 + a2 * s2);
        return 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
    }

    /**
     * Filters {@code x}. With {@code clamp} the output is limited to [-1, 1] afterwards, as
     * torchaudio's {@code lfilter(clamp=True)} (the default of its biquad functions) does.
     */
    public float[] apply(float[] x, boolean clamp) {
        float[] y = new float[x.length];
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double yi = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = xi;
            y2 = y1;
            y1 = yi;
            y[i] = clamp ? (float) Math.max(-1.0, Math.min(1.0, yi)) : (float) yi;
        }
        return y;
    }

    /** Filters every channel, clamping to [-1, 1] like torchaudio. */
    public Audio apply(Audio audio) {
        return audio.mapChannels(ch -> apply(ch, true));
    }
}
