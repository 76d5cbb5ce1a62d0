package dev.cauce.preprocess.audio;

import dev.cauce.core.Tensor;

import java.util.Arrays;

/**
 * A time-frequency array in the (freq, time) layout of torchaudio: row {@code f} holds one
 * frequency bin (or mel band, or cepstral coefficient) over all frames, stored row-major in
 * {@code data[f * frames + t]}. The array is not copied.
 *
 * @param data   {@code bins * frames} values
 * @param bins   number of rows (frequency bins, mel bands, coefficients)
 * @param frames number of columns (time frames)
 */
public record Spectrogram(float[] data, int bins, int frames) {

    public Spectrogram {
        if (bins <= 0) throw new IllegalArgumentException("bins must be positive, got " + bins);
        if (frames <= 0) throw new IllegalArgumentException("frames must be positive, got " + frames);
        if ((long) bins * frames != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected bins x frames = "
                    + bins + " x " + frames);
        }
    }

    /** Wraps a 2-D (freq, time) tensor (data not copied). */
    public static Spectrogram of(Tensor t) {
        if (t.rank() != 2) throw new IllegalArgumentException("a spectrogram tensor must be 2-D (freq, time), got rank " + t.rank());
        return new Spectrogram(t.data(), t.dim(0), t.dim(1));
    }

    public float get(int bin, int frame) {
        return data[bin * frames + frame];
    }

    /** The same values as a (freq, time) {@link Tensor} (data not copied). */
    public Tensor toTensor() {
        return Tensor.of(data, bins, frames);
    }

    public Spectrogram copy() {
        return new Spectrogram(data.clone(), bins, frames);
    }

    /** The largest value. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : data) m = Math.max(m, v);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spectrogram s && s.bins == bins && s.frames == frames && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * bins + frames) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Spectrogram[" + bins + " x " + frames + "]";
    }
}
