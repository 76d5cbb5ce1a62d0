package dev.cauce.preprocess.audio;

import dev.cauce.core.Tensor;
import dev.cauce.core.simd.LaneBatch;

/**
 * Triangular mel filters over the bins of a one-sided spectrum, built exactly like torchaudio's
 * {@code melscale_fbanks}: {@code nMels + 2} points equally spaced on the mel scale between
 * {@code fMin} and {@code fMax}, triangles evaluated at the exact bin frequencies
 * {@code linspace(0, sampleRate/2, nFreqs)}, optionally area-normalised ({@link Norm#SLANEY}).
 *
 * <p>A filter that catches no FFT bin (too many mels for the frequency resolution) would give a
 * constant-zero feature. torchaudio only warns; here it is refused with a message that says which
 * parameter to change, unless the caller explicitly allows it (needed to reproduce torchaudio's
 * 48 kHz / 512-point / 64-mel example, whose first filter is empty).
 *
 * <p>Filters are stored sparsely (first bin and weights), so applying them costs about two
 * multiply-adds per bin. Immutable and thread-safe.
 */
public final class MelFilterbank {

    /** Filter normalisation. */
    public enum Norm {
        /** Peak 1 (torchaudio's default {@code norm=None}). */
        NONE,
        /** Each triangle divided by its width in Hz/2, so every filter has about the same area ({@code norm='slaney'}). */
        SLANEY
    }

    private final int nFreqs;
    private final int nMels;
    private final int[] start;
    private final float[][] weights;

    /**
     * @param nFreqs      spectrum bins, {@code nFft/2 + 1}
     * @param sampleRate  Hz
     * @param nMels       number of filters
     * @param fMin        lowest edge in Hz
     * @param fMax        highest edge in Hz (at most sampleRate/2)
     * @param scale       HTK or Slaney mel scale
     * @param norm        filter normalisation
     * @param allowEmpty  accept filters that catch no bin (torchaudio's behaviour) instead of refusing them
     */
    public MelFilterbank(int nFreqs, int sampleRate, int nMels, double fMin, double fMax, MelScale scale, Norm norm,
                         boolean allowEmpty) {
        if (nFreqs < 2) throw new IllegalArgumentException("nFreqs must be at least 2, got " + nFreqs);
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be positive, got " + sampleRate);
        if (nMels < 1) throw new IllegalArgumentException("nMels must be positive, got " + nMels);
        if (!(fMin >= 0 && fMin < fMax)) throw new IllegalArgumentException("need 0 <= fMin < fMax, got fMin=" + fMin + ", fMax=" + fMax);
        if (fMax > sampleRate / 2.0) {
            throw new IllegalArgumentException("fMax=" + fMax + " is above the Nyquist frequency " + sampleRate / 2.0 + " Hz");
        }
        this.nFreqs = nFreqs;
        this.nMels = nMels;
        double[] fPts = points(nMels, fMin, fMax, scale);
        double[][] fb = triangles(nFreqs, sampleRate, fPts, norm);
        start = new int[nMels];
        weights = new float[nMels][];
        for (int m = 0; m < nMels; m++) {
            int lo = 0;
            while (lo < nFreqs && fb[lo][m] == 0) lo++;
            int hi = nFreqs;
            while (hi > lo && fb[hi - 1][m] == 0) hi--;
            if (lo == nFreqs && !allowEmpty) {
                throw new IllegalArgumentException(emptyMessage(m, nFreqs, sampleRate, nMels, fMin, fMax, scale, fPts));
            }
            start[m] = Math.min(lo, nFreqs);
            weights[m] = new float[hi - start[m] < 0 ? 0 : hi - start[m]];
            for (int k = 0; k < weights[m].length; k++) weights[m][k] = (float) fb[lo + k][m];
        }
    }

    /** torchaudio's {@code MelSpectrogram} filterbank for an {@code nFft}-point STFT: fMin 0, fMax Nyquist, HTK, no norm. */
    public static MelFilterbank htk(int nFft, int sampleRate, int nMels) {
        return new MelFilterbank(nFft / 2 + 1, sampleRate, nMels, 0, sampleRate / 2.0, MelScale.HTK, Norm.NONE, false);
    }

    private static double[] points(int nMels, double fMin, double fMax, MelScale scale) {
        double mMin = scale.toMel(fMin), mMax = scale.toMel(fMax);
        double[] f = new double[nMels + 2];
        for (int i = 0; i < f.length; i++) {
            f[i] = scale.toHz(mMin + (mMax - mMin) * i / (nMels + 1));
        }
        return f;
    }

    private static double[][] triangles(int nFreqs, int sampleRate, double[] fPts, Norm norm) {
        int nMels = fPts.length - 2;
        double[][] fb = new double[nFreqs][nMels];
        double nyq = sampleRate / 2; // torchaudio: linspace(0, sample_rate // 2, n_freqs) (integer division)
        for (int k = 0; k < nFreqs; k++) {
            double f = nyq * k / (nFreqs - 1);
            for (int m = 0; m < nMels; m++) {
                double down = (f - fPts[m]) / (fPts[m + 1] - fPts[m]);
                double up = (fPts[m + 2] - f) / (fPts[m + 2] - fPts[m + 1]);
                double v = Math.max(0, Math.min(down, up));
                if (norm == Norm.SLANEY) v *= 2.0 / (fPts[m + 2] - fPts[m]);
                fb[k][m] = v;
            }
        }
        return fb;
    }

    private static String emptyMessage(int m, int nFreqs, int sampleRate, int nMels, double fMin, double fMax,
                                       MelScale scale, double[] fPts) {
        int fits = 0;
        for (int k = nMels - 1; k >= 1; k--) {
            if (allFilled(nFreqs, sampleRate, points(k, fMin, fMax, scale))) {
                fits = k;
                break;
            }
        }
        double binHz = sampleRate / 2.0 / (nFreqs - 1);
        return String.format(java.util.Locale.ROOT,
                "mel filter %d of %d is empty: no FFT bin (%.2f Hz apart) falls between %.1f and %.1f Hz. "
                        + "Lower nMels (at most %d fit), raise nFft (now %d) for finer bins, or raise fMin (now %.1f Hz)",
                m, nMels, binHz, fPts[m], fPts[m + 2], fits, 2 * (nFreqs - 1), fMin);
    }

    private static boolean allFilled(int nFreqs, int sampleRate, double[] fPts) {
        double[][] fb = triangles(nFreqs, sampleRate, fPts, Norm.NONE);
        for (int m = 0; m < fPts.length - 2; m++) {
            boolean any = false;
            for (double[] row : fb) any |= row[m] > 0;
            if (!any) return false;
        }
        return true;
    }

    public int nMels() {
        return nMels;
    }

    public int nFreqs() {
        return nFreqs;
    }

    /** The dense (nFreqs, nMels) matrix in torchaudio's layout: {@code mel = fb^T @ spec}. */
    public Tensor matrix() {
        float[] d = new float[nFreqs * nMels];
        for (int m = 0; m < nMels; m++) {
            for (int k = 0; k < weights[m].length; k++) d[(start[m] + k) * nMels + m] = weights[m][k];
        }
        return Tensor.of(d, nFreqs, nMels);
    }

    /** Mel energies of one spectrum frame into {@code out[0..nMels)}. */
    public void apply(float[] spectrum, float[] out) {
        for (int m = 0; m < nMels; m++) {
            float[] w = weights[m];
            int s = start[m];
            float acc = 0f;
            for (int k = 0; k < w.length; k++) acc += w[k] * spectrum[s + k];
            out[m] = acc;
        }
    }

    /**
     * Mel energies of a batch of spectra in {@link dev.cauce.core.simd.RealFft}'s lane layout
     * ({@code spectra[k·lanes + f]}, {@code count} frames used) into columns {@code t0 .. t0+count-1}
     * of the (nMels, frames) array {@code out}.
     */
    void applyBatch(float[] spectra, int count, float[] out, int frames, int t0) {
        for (int m = 0; m < nMels; m++) LaneBatch.weightedRowSum(weights[m], spectra, start[m], out, m * frames + t0, count);
    }

    /** Applies the filters to every frame of a (nFreqs, T) spectrogram, giving (nMels, T). */
    public Spectrogram apply(Spectrogram spec) {
        if (spec.bins() != nFreqs) {
            throw new IllegalArgumentException("spectrogram has " + spec.bins() + " bins, the filterbank expects " + nFreqs);
        }
        int t = spec.frames();
        float[] col = new float[nFreqs];
        float[] mel = new float[nMels];
        float[] out = new float[nMels * t];
        for (int j = 0; j < t; j++) {
            for (int k = 0; k < nFreqs; k++) col[k] = spec.data()[k * t + j];
            apply(col, mel);
            for (int m = 0; m < nMels; m++) out[m * t + j] = mel[m];
        }
        return new Spectrogram(out, nMels, t);
    }
}
