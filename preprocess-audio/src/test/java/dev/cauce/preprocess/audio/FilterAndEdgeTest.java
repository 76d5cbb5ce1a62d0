package dev.cauce.preprocess.audio;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterAndEdgeTest {
    private static final int SR = 16000;

    private static float[] sine(double hz, int n, double amp) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / SR));
        return x;
    }

    /** RMS level in dB of the second half (after the filter's transient). */
    private static double levelDb(float[] x) {
        double s = 0;
        int from = x.length / 2;
        for (int i = from; i < x.length; i++) s += x[i] * x[i];
        return 10 * Math.log10(s / (x.length - from));
    }

    @Test
    void lowPassAttenuatesTwiceTheCutoffByTheDesignedAmountAndPassesAQuarter() {
        double fc = 1000;
        Biquad lp = Biquad.lowPass(SR, fc, 0.707);
        double designed = lp.gainDb(SR, 2 * fc);
        assertTrue(designed < -11.5 && designed > -13.5, "an RBJ Butterworth section is about -12 dB one octave up: " + designed);
        float[] hi = sine(2 * fc, 32000, 0.5);
        assertEquals(designed, levelDb(lp.apply(hi, true)) - levelDb(hi), 0.05, "measured attenuation at 2 fc");
        float[] lo = sine(fc / 4, 32000, 0.5);
        assertEquals(0.0, levelDb(lp.apply(lo, true)) - levelDb(lo), 0.5, "pass band at fc/4");
    }

    @Test
    void highPassAndBandPassDoWhatTheirNamesSay() {
        Biquad hp = Biquad.highPass(SR, 1000, 0.707);
        float[] low = sine(250, 32000, 0.5);
        assertEquals(hp.gainDb(SR, 250), levelDb(hp.apply(low, true)) - levelDb(low), 0.1);
        assertTrue(hp.gainDb(SR, 250) < -20);
        Biquad bp = Biquad.bandPass(SR, 1000, 2);
        assertEquals(0.0, bp.gainDb(SR, 1000), 1e-9, "constant 0 dB peak gain");
        float[] centre = sine(1000, 32000, 0.5);
        assertEquals(0.0, levelDb(bp.apply(centre, true)) - levelDb(centre), 0.1);
    }

    @Test
    void preEmphasisIsTheFirstDifference() {
        Audio a = Audio.mono(new float[] {1f, 1f, 0.5f}, SR);
        float[] y = Filters.preEmphasis(a, 0.97).channel(0);
        assertEquals(1f, y[0]);
        assertEquals(0.03f, y[1], 1e-7);
        assertEquals(0.5f - 0.97f, y[2], 1e-7);
    }

    @Test
    void silenceGivesAFiniteDbFloor() {
        Spectrogram mel = MelSpectrogram.htk(SR, 512, 128, 64).apply(new float[SR]);
        Spectrogram db = Decibels.powerToDb(mel, 80);
        for (float v : db.data()) assertEquals(-100f, v, 1e-4);
        Spectrogram mfcc = new Mfcc(MelSpectrogram.htk(SR, 512, 128, 40), 13).apply(new float[SR]);
        for (float v : mfcc.data()) assertTrue(Float.isFinite(v));
    }

    @Test
    void zeroLengthAndOneSampleAudioGiveClearErrors() {
        Stft stft = new Stft(512, 128);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stft.power(new float[0]));
        assertTrue(e.getMessage().contains("0 samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> stft.power(new float[1]));
        assertTrue(e.getMessage().contains("1 sample"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MelSpectrogram.htk(SR, 512, 128, 40).apply(new float[100]));
        assertTrue(e.getMessage().contains("too short"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Resampler(8000, 16000).apply(new float[0]));
        assertTrue(e.getMessage().contains("zero-length"), e.getMessage());
    }

    @Test
    void deltasOfARampAreItsSlopeAndConstantsGiveZero() {
        int t = 20;
        float[] d = new float[2 * t];
        for (int j = 0; j < t; j++) {
            d[j] = 3f * j;
            d[t + j] = 7f;
        }
        Spectrogram delta = Deltas.of(new Spectrogram(d, 2, t));
        for (int j = 2; j < t - 2; j++) assertEquals(3f, delta.get(0, j), 1e-5, "interior slope");
        for (int j = 0; j < t; j++) assertEquals(0f, delta.get(1, j), 0f);
        // replicate padding: first frame sees c[-1] = c[-2] = c[0]; (1*(3-0) + 2*(6-0)) / 10 = 1.5
        assertEquals(1.5f, delta.get(0, 0), 1e-6);
    }

    @Test
    void magnitudeIsTheRootOfPowerAndWindowsArePeriodic() {
        float[] x = sine(440, 4000, 0.3);
        Stft stft = new Stft(256, 200, 64, Window.HAMMING, true);
        Spectrogram p = stft.power(x), m = stft.magnitude(x);
        for (int i = 0; i < p.data().length; i++) assertEquals(Math.sqrt(p.data()[i]), m.data()[i], 1e-3 * (1 + m.data()[i]));
        float[] hann = Window.HANN.periodic(8);
        assertEquals(0f, hann[0]);
        assertEquals(1f, hann[4], 1e-7); // periodic: the peak sits at N/2
    }
}
