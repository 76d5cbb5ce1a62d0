package dev.cauce.preprocess.audio;

import dev.cauce.core.simd.VectorMath;

/**
 * Conversion to decibels as torchaudio's {@code AmplitudeToDB}/{@code amplitude_to_DB}:
 * {@code multiplier * log10(max(x, amin))}, reference 1, then, if {@code topDb} is given, every
 * value below {@code max - topDb} raised to it (the maximum taken over the whole spectrogram).
 * Silence therefore maps to the finite floor {@code multiplier * log10(amin)} (-100 dB for power).
 */
public final class Decibels {
    /** torchaudio's default {@code amin}. */
    public static final double AMIN = 1e-10;

    private Decibels() { }

    /** Power to dB ({@code 10 log10}), amin 1e-10, no top_db floor (torchaudio's AmplitudeToDB() defaults, top_db=None). */
    public static Spectrogram powerToDb(Spectrogram power) {
        return toDb(power, 10, AMIN, Double.NaN);
    }

    /** Power to dB with a {@code topDb} floor below the maximum (e.g. 80). */
    public static Spectrogram powerToDb(Spectrogram power, double topDb) {
        return toDb(power, 10, AMIN, topDb);
    }

    /**
     * @param multiplier 10 for power, 20 for magnitude
     * @param amin       smallest value taken before the logarithm (&gt; 0)
     * @param topDb      dynamic range kept below the maximum, or NaN for none
     */
    public static Spectrogram toDb(Spectrogram s, double multiplier, double amin, double topDb) {
        if (!(amin > 0)) throw new IllegalArgumentException("amin must be positive, got " + amin);
        if (!Double.isNaN(topDb) && !(topDb >= 0)) throw new IllegalArgumentException("topDb must be non-negative (or NaN for none), got " + topDb);
        float[] in = s.data();
        float[] out = new float[in.length];
        // Vector API log10 (core.simd): the scalar Math.log10 loop was 4x slower than torch's SLEEF kernel
        float max = VectorMath.log10Scaled(in.length, in, (float) amin, (float) multiplier, out);
        if (!Double.isNaN(topDb)) VectorMath.clampBelow(out.length, out, (float) (max - topDb));
        return new Spectrogram(out, s.bins(), s.frames());
    }
}
