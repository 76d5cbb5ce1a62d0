package dev.cauce.preprocess.audio;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Analysis windows, in the <em>periodic</em> form torch uses by default ({@code torch.hann_window(N)},
 * {@code torch.hamming_window(N)}): {@code w[i] = a - b cos(2 pi i / N)}. TarsosDSP's
 * {@code HannWindow} is the symmetric form (divides by N-1) and would not match torchaudio.
 */
public enum Window {
    HANN(0.5, 0.5),
    HAMMING(0.54, 0.46),
    RECTANGULAR(1.0, 0.0);

    private final double a;
    private final double b;

    Window(double a, double b) {
        this.a = a;
        this.b = b;
    }

    /** Computed windows by length; the STFT asks for one per signal and 512 cosines cost about 8 us. */
    private final ConcurrentHashMap<Integer, float[]> cache = new ConcurrentHashMap<>();

    /** The periodic window of {@code length} samples (a fresh array the caller may modify). */
    public float[] periodic(int length) {
        return shared(length).clone();
    }

    /** The periodic window of {@code length} samples, shared: callers must not modify it. */
    float[] shared(int length) {
        if (length <= 0) throw new IllegalArgumentException("window length must be positive, got " + length);
        return cache.computeIfAbsent(length, this::compute);
    }

    private float[] compute(int length) {
        float[] w = new float[length];
        for (int i = 0; i < length; i++) w[i] = (float) (a - b * Math.cos(2 * Math.PI * i / length));
        return w;
    }
}
