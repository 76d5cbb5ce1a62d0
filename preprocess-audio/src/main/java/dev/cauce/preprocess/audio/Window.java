package dev.cauce.preprocess.audio;

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

    /** The periodic window of {@code length} samples. */
    public float[] periodic(int length) {
        if (length <= 0) throw new IllegalArgumentException("window length must be positive, got " + length);
        float[] w = new float[length];
        for (int i = 0; i < length; i++) w[i] = (float) (a - b * Math.cos(2 * Math.PI * i / length));
        return w;
    }
}
