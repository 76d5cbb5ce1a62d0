package dev.cauce.preprocess.audio;

/**
 * Delta (time-derivative) features as torchaudio's {@code compute_deltas}: for window length
 * {@code 2N+1}, {@code d[t] = sum_{k=1..N} k (c[t+k] - c[t-k]) / (2 sum_{k=1..N} k^2)}, with the edge
 * frames repeated ({@code mode='replicate'}). Apply twice for delta-deltas.
 */
public final class Deltas {
    private Deltas() { }

    /** Deltas with torchaudio's default window of 5 frames. */
    public static Spectrogram of(Spectrogram s) {
        return of(s, 5);
    }

    public static Spectrogram of(Spectrogram s, int winLength) {
        if (winLength < 3 || winLength % 2 == 0) {
            throw new IllegalArgumentException("winLength must be odd and at least 3, got " + winLength);
        }
        int n = (winLength - 1) / 2;
        double denom = n * (n + 1) * (2.0 * n + 1) / 3.0;
        int bins = s.bins(), t = s.frames();
        float[] in = s.data();
        float[] out = new float[in.length];
        for (int f = 0; f < bins; f++) {
            int row = f * t;
            for (int j = 0; j < t; j++) {
                double acc = 0;
                for (int k = 1; k <= n; k++) {
                    acc += k * (in[row + Math.min(t - 1, j + k)] - in[row + Math.max(0, j - k)]);
                }
                out[row + j] = (float) (acc / denom);
            }
        }
        return new Spectrogram(out, bins, t);
    }
}
