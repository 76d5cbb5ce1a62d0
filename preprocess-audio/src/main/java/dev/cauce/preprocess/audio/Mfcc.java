package dev.cauce.preprocess.audio;

/**
 * Mel-frequency cepstral coefficients as torchaudio's {@code MFCC(log_mels=False)}: mel power
 * spectrogram, then {@link Decibels} with {@code top_db = 80} (torchaudio always applies it), then an
 * orthonormal DCT-II over the mel axis keeping the first {@code nMfcc} coefficients.
 * Immutable and thread-safe.
 */
public final class Mfcc {
    private static final double TOP_DB = 80.0;

    private final MelSpectrogram mel;
    private final int nMfcc;
    private final float[][] dct; // [coefficient][mel]

    public Mfcc(MelSpectrogram mel, int nMfcc) {
        int nMels = mel.filterbank().nMels();
        if (nMfcc < 1 || nMfcc > nMels) {
            throw new IllegalArgumentException("nMfcc must be in [1, nMels=" + nMels + "], got " + nMfcc);
        }
        this.mel = mel;
        this.nMfcc = nMfcc;
        this.dct = dctOrtho(nMfcc, nMels);
    }

    /**
     * Orthonormal DCT-II rows: {@code dct[k][n] = sqrt(2/N) cos(pi/N (n + 0.5) k)}, row 0 also times
     * {@code 1/sqrt(2)} (torchaudio's {@code create_dct(n_mfcc, n_mels, 'ortho')} transposed).
     */
    public static float[][] dctOrtho(int nMfcc, int nMels) {
        float[][] d = new float[nMfcc][nMels];
        double s = Math.sqrt(2.0 / nMels);
        for (int k = 0; k < nMfcc; k++) {
            for (int n = 0; n < nMels; n++) {
                double v = Math.cos(Math.PI / nMels * (n + 0.5) * k) * s;
                d[k][n] = (float) (k == 0 ? v / Math.sqrt(2.0) : v);
            }
        }
        return d;
    }

    public int nMfcc() {
        return nMfcc;
    }

    /** MFCCs (nMfcc, frames) of a mono signal. */
    public Spectrogram apply(float[] x) {
        return fromMelDb(Decibels.powerToDb(mel.apply(x), TOP_DB));
    }

    public Spectrogram apply(Audio audio) {
        return apply(audio.monoSamples());
    }

    /** The DCT step alone, on a mel spectrogram already in dB. */
    public Spectrogram fromMelDb(Spectrogram melDb) {
        int nMels = dct[0].length;
        if (melDb.bins() != nMels) throw new IllegalArgumentException("expected " + nMels + " mel bands, got " + melDb.bins());
        int t = melDb.frames();
        float[] in = melDb.data();
        float[] out = new float[nMfcc * t];
        for (int k = 0; k < nMfcc; k++) {
            float[] row = dct[k];
            int o = k * t;
            for (int n = 0; n < nMels; n++) {
                float w = row[n];
                int i = n * t;
                for (int j = 0; j < t; j++) out[o + j] += w * in[i + j];
            }
        }
        return new Spectrogram(out, nMfcc, t);
    }
}
