package dev.cauce.augment.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.preprocess.audio.Audio;
import dev.cauce.preprocess.audio.Spectrogram;
import dev.cauce.preprocess.audio.Wav;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioAugmentTest {

    private static Audio load(String name) throws IOException {
        try {
            return Wav.read(Path.of(AudioAugmentTest.class.getResource("/audio/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** The SNR actually present in {@code mixed}: 10 log10(P(clean) / P(mixed - clean)). */
    private static double measuredSnr(Audio clean, Audio mixed) {
        double ps = 0, pn = 0;
        float[] x = clean.channel(0), y = mixed.channel(0);
        for (int i = 0; i < x.length; i++) {
            ps += (double) x[i] * x[i];
            double d = (double) y[i] - x[i];
            pn += d * d;
        }
        return 10 * Math.log10(ps / pn);
    }

    @Test
    void noiseIsMixedAtTheRequestedSnrWithin0p1Db() throws IOException {
        Audio speech = load("en3.wav");
        Audio noiseRecording = load("es5.wav"); // another real recording as the "noise"
        for (double snr : new double[] {-5, 0, 10, 20, 40}) {
            for (AddNoise t : new AddNoise[] {AddNoise.white(snr, snr), AddNoise.pink(snr, snr),
                    AddNoise.recording(noiseRecording, "es5.wav", snr, snr)}) {
                Audio mixed = t.apply(speech, Rng.of(7, 0, 1, 0));
                assertEquals(snr, measuredSnr(speech, mixed), 0.1, t + " at " + snr + " dB");
            }
        }
    }

    @Test
    void noiseIsReproducibleFromTheSeedAndVariesWithIt() throws IOException {
        Audio speech = load("en3.wav");
        AddNoise t = AddNoise.pink(5, 15);
        assertEquals(t.apply(speech, Rng.of(1, 0, 3, 0)), t.apply(speech, Rng.of(1, 0, 3, 0)));
        assertNotEquals(t.apply(speech, Rng.of(1, 0, 3, 0)), t.apply(speech, Rng.of(1, 0, 4, 0)));
    }

    @Test
    void pinkNoiseFallsAbout3DbPerOctave() {
        float[] p = WaveOps.pinkNoise(1 << 16, Rng.seeded(3));
        // energy in two octave bands by a naive DFT on a few bins each: 500-1000 Hz vs 1000-2000 Hz at fs = 16 kHz
        double low = bandPower(p, 16000, 500, 1000), high = bandPower(p, 16000, 1000, 2000);
        double perHz = 10 * Math.log10((high / 1000) / (low / 500));
        assertEquals(-3.0, perHz, 1.0, "power density ratio one octave up");
    }

    private static double bandPower(float[] x, int sr, double f0, double f1) {
        int n = 8192;
        double s = 0;
        for (int k = (int) (f0 * n / sr); k < (int) (f1 * n / sr); k += 4) {
            for (int seg = 0; seg + n <= x.length; seg += n) {
                double re = 0, im = 0;
                for (int i = 0; i < n; i++) {
                    double a = 2 * Math.PI * k * i / n;
                    re += x[seg + i] * Math.cos(a);
                    im -= x[seg + i] * Math.sin(a);
                }
                s += re * re + im * im;
            }
        }
        return s;
    }

    @Test
    void silentSignalHasNoSnr() {
        Audio silence = Audio.mono(new float[800], 8000);
        assertThrows(IllegalArgumentException.class, () -> AddNoise.white(10, 10).apply(silence, Rng.seeded(1)));
    }

    @Test
    void gainAndShiftAreExact() {
        Audio a = Audio.mono(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 8000);
        assertEquals(0.2f, WaveOps.gain(a, 20 * Math.log10(2)).channel(0)[0], 1e-7);
        assertArrayEquals(new float[] {0f, 0f, 0.1f, 0.2f}, WaveOps.shift(a, 2).channel(0));
        assertArrayEquals(new float[] {0.3f, 0.4f, 0f, 0f}, WaveOps.shift(a, -2).channel(0));
        assertArrayEquals(new float[4], WaveOps.shift(a, 9).channel(0));
        Audio s = new TimeShift(0.1).apply(a, Rng.seeded(2));
        assertEquals(4, s.frames());
    }

    private static Audio sine(double hz, int sr, double seconds) {
        float[] x = new float[(int) (sr * seconds)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / sr));
        return Audio.mono(x, sr);
    }

    /** Frequency from upward zero crossings over the middle half. */
    private static double frequency(float[] x, int sr) {
        int from = x.length / 4, to = 3 * x.length / 4, zc = 0, first = -1, last = -1;
        for (int i = from + 1; i < to; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                if (first < 0) first = i;
                last = i;
                zc++;
            }
        }
        return (zc - 1) * (double) sr / (last - first);
    }

    @Test
    void speedChangesDurationAndPitchTogether() {
        Audio a = sine(440, 16000, 1.0);
        Audio fast = WaveOps.speed(a, 1.25);
        assertEquals(12800, fast.frames());
        assertEquals(550, frequency(fast.channel(0), 16000), 2.0);
        Audio slow = new SpeedPerturb(0.9, 0.9).apply(a, Rng.seeded(1));
        assertEquals(Math.round(16000 / 0.9), slow.frames());
        assertEquals(396, frequency(slow.channel(0), 16000), 2.0);
    }

    @Test
    void pitchShiftKeepsDurationAndLevel() {
        Audio a = sine(440, 16000, 1.0);
        Audio up = WaveOps.pitchShift(a, 12);
        assertEquals(a.frames(), up.frames());
        assertEquals(880, frequency(up.channel(0), 16000), 5.0);
        Audio down = WaveOps.pitchShift(a, -5);
        assertEquals(440 * Math.pow(2, -5 / 12.0), frequency(down.channel(0), 16000), 5.0);
        assertEquals(WaveOps.power(a), WaveOps.power(up), 1e-3 * WaveOps.power(a));
    }

    private static Spectrogram ramp(int bins, int frames) {
        float[] d = new float[bins * frames];
        for (int i = 0; i < d.length; i++) d[i] = i + 1;
        return new Spectrogram(d, bins, frames);
    }

    @Test
    void masksStayInBoundsAndRepeatWithTheSeed() {
        Spectrogram s = ramp(64, 100);
        TimeMask tm = new TimeMask(30, 2, 0f);
        FrequencyMask fm = new FrequencyMask(15);
        for (int seed = 0; seed < 200; seed++) {
            Spectrogram t = tm.apply(s, Rng.seeded(seed));
            int maskedFrames = 0;
            for (int j = 0; j < 100; j++) if (t.get(0, j) == 0f) maskedFrames++;
            assertTrue(maskedFrames <= 60, "two masks of at most 30 frames: " + maskedFrames);
            for (int j = 0; j < 100; j++) {
                boolean masked = t.get(0, j) == 0f;
                for (int f = 1; f < 64; f++) assertEquals(masked, t.get(f, j) == 0f, "whole column masked");
            }
            Spectrogram f = fm.apply(s, Rng.seeded(seed));
            int maskedBins = 0;
            for (int b = 0; b < 64; b++) if (f.get(b, 0) == 0f) maskedBins++;
            assertTrue(maskedBins <= 15, "at most 15 bins: " + maskedBins);
            assertEquals(t, tm.apply(s, Rng.seeded(seed)), "same seed, same masks");
        }
        assertEquals(ramp(64, 100), s, "input untouched");
    }

    @Test
    void batchedMasksNeverTouchPaddingBeyondTheValidLength() {
        int b = 4, f = 8, t = 50;
        float[] d = new float[b * f * t];
        java.util.Arrays.fill(d, 1f);
        Tensor batch = Tensor.of(d, b, f, t);
        int[] valid = {50, 20, 5, 0};
        TimeMask tm = new TimeMask(40, 3, -1f);
        for (int seed = 0; seed < 100; seed++) {
            Tensor out = tm.applyBatch(batch, valid, Rng.seeded(seed));
            for (int i = 0; i < b; i++) {
                for (int j = valid[i]; j < t; j++) {
                    for (int k = 0; k < f; k++) assertEquals(1f, out.get(i, k, j), "item " + i + " frame " + j + " is padding");
                }
            }
            assertEquals(out, tm.applyBatch(batch, valid, Rng.seeded(seed)));
            Tensor fq = new FrequencyMask(3, 2, -1f).applyBatch(batch, Rng.seeded(seed));
            for (int i = 0; i < b; i++) {
                int masked = 0;
                for (int k = 0; k < f; k++) if (fq.get(i, k, 0) == -1f) masked++;
                assertTrue(masked <= 6);
            }
        }
    }

    @Test
    void timeWarpMovesTheCentreAndKeepsTheEnds() {
        Spectrogram s = ramp(3, 40);
        Spectrogram w = SpecOps.timeWarp(s, 20, 5);
        for (int f = 0; f < 3; f++) {
            assertEquals(s.get(f, 0), w.get(f, 0));
            assertEquals(s.get(f, 39), w.get(f, 39));
            assertEquals(s.get(f, 20), w.get(f, 25), 1e-4, "centre frame moved by +5");
        }
        assertEquals(s, SpecOps.timeWarp(s, 20, 0));
        Spectrogram r = new TimeWarp(5).apply(s, Rng.seeded(9));
        assertEquals(r, new TimeWarp(5).apply(s, Rng.seeded(9)));
        assertThrows(IllegalArgumentException.class, () -> SpecOps.timeWarp(s, 20, 30));
    }
}
