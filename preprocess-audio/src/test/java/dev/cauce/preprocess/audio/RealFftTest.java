package dev.cauce.preprocess.audio;

import dev.cauce.core.simd.RealFft;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * core's {@link RealFft} on real recordings (front_center.wav, 48 kHz speech; en7.wav, 8 kHz digit):
 * against a double-precision naive DFT, Parseval's identity and the inverse round trip, for every
 * size 2..64 and larger ones with factors 2, 3, 4, 5, other primes, and prime sizes up to 4093.
 * The FFT lives in core, whose tests have no audio decoder; it is tested here on real audio.
 */
class RealFftTest {
    private static float[] speech;

    @BeforeAll
    static void load() throws IOException {
        speech = Wav.read(Golden.resource("front_center.wav")).channel(0);
    }

    static IntStream sizes() {
        return IntStream.concat(IntStream.rangeClosed(2, 64),
                IntStream.of(97, 121, 243, 256, 343, 400, 480, 500, 512, 625, 640, 768, 1000, 1021, 1024,
                        2048, 2310, 4093, 4095, 4096));
    }

    /** n samples from the first spoken words (samples 2048..14336; the start varies with n). */
    private static float[] frame(int n) {
        float[] x = new float[n];
        System.arraycopy(speech, 2048 + 37 * n % 4000, x, 0, n);
        return x;
    }

    /** Naive one-sided DFT in double, angles reduced exactly with (j·k) mod n. */
    private static double[][] dft(float[] x) {
        int n = x.length, bins = n / 2 + 1;
        double[][] out = new double[2][bins];
        for (int k = 0; k < bins; k++) {
            double re = 0, im = 0;
            for (int j = 0; j < n; j++) {
                double a = -2 * Math.PI * ((long) j * k % n) / n;
                re += x[j] * Math.cos(a);
                im += x[j] * Math.sin(a);
            }
            out[0][k] = re;
            out[1][k] = im;
        }
        return out;
    }

    @ParameterizedTest(name = "n={0}")
    @MethodSource("sizes")
    void matchesNaiveDftParsevalAndRoundTrip(int n) {
        RealFft fft = RealFft.of(n);
        RealFft.Workspace ws = fft.workspace();
        float[] x = frame(n);
        float[] re = new float[fft.bins()], im = new float[fft.bins()];
        fft.forward(x, re, im, ws);

        double[][] ref = dft(x);
        double norm = 0; // spectrum's root-mean-square magnitude: the scale float errors grow on
        for (int k = 0; k < fft.bins(); k++) norm += ref[0][k] * ref[0][k] + ref[1][k] * ref[1][k];
        norm = Math.sqrt(norm / fft.bins());
        assertTrue(norm > 1e-3, "frame at n=" + n + " is not silent");
        for (int k = 0; k < fft.bins(); k++) {
            double err = Math.hypot(re[k] - ref[0][k], im[k] - ref[1][k]);
            assertTrue(err <= 2e-6 * Math.sqrt(n) * norm, "n=" + n + " bin " + k + ": " + re[k] + "+" + im[k] + "i vs "
                    + ref[0][k] + "+" + ref[1][k] + "i");
        }

        double energy = 0, spectral = 0;
        for (float v : x) energy += (double) v * v;
        for (int k = 0; k < fft.bins(); k++) {
            boolean unpaired = k == 0 || (n % 2 == 0 && k == n / 2); // DC and Nyquist appear once
            spectral += (unpaired ? 1 : 2) * ((double) re[k] * re[k] + (double) im[k] * im[k]);
        }
        assertEquals(energy, spectral / n, 1e-5 * energy, "Parseval at n=" + n);

        // the fused power path, on the same input (still in lane 0 of the workspace)
        float[] power = new float[fft.bins() * RealFft.lanes()];
        fft.forwardPower(ws, power);
        for (int k = 0; k < fft.bins(); k++) {
            double want = (double) re[k] * re[k] + (double) im[k] * im[k];
            assertEquals(want, power[k * RealFft.lanes()], 1e-6 * want + 1e-9 * norm * norm, "power n=" + n + " bin " + k);
        }

        float[] back = new float[n];
        fft.inverse(re, im, back, ws);
        float peak = 0;
        for (float v : x) peak = Math.max(peak, Math.abs(v));
        for (int j = 0; j < n; j++) assertEquals(x[j], back[j], 1e-5 * peak, "round trip n=" + n + " sample " + j);
    }

    @Test
    void aBatchEqualsOneTransformPerLane() throws IOException {
        float[] digit = Wav.read(Golden.resource("en7.wav")).channel(0);
        int n = 400, lanes = RealFft.lanes();
        RealFft fft = RealFft.of(n);
        RealFft.Workspace batch = fft.workspace(), single = fft.workspace();
        for (int f = 0; f < lanes; f++) {
            for (int j = 0; j < n; j++) batch.input()[j * lanes + f] = digit[f * 160 + j];
        }
        fft.forward(batch);
        float[] re = new float[fft.bins()], im = new float[fft.bins()];
        for (int f = 0; f < lanes; f++) {
            fft.forward(java.util.Arrays.copyOfRange(digit, f * 160, f * 160 + n), re, im, single);
            for (int k = 0; k < fft.bins(); k++) {
                assertEquals(re[k], batch.real()[k * lanes + f], 0f, "lane " + f + " bin " + k);
                assertEquals(im[k], batch.imag()[k * lanes + f], 0f, "lane " + f + " bin " + k);
            }
        }
    }

    @Test
    void plansAreSharedAndWorkspacesBelongToOneSize() {
        assertTrue(RealFft.of(512) == RealFft.of(512));
        RealFft.Workspace ws = RealFft.of(400).workspace();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RealFft.of(512).forward(ws));
        assertTrue(e.getMessage().contains("size 400"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RealFft.of(0));
    }

    @Test
    void aThreadGetsItsSpareWorkspaceBackAndANestedCallAFreshOne() {
        RealFft fft = RealFft.of(400);
        RealFft.Workspace outer = fft.takeWorkspace();
        RealFft.Workspace nested = fft.takeWorkspace();
        assertTrue(outer != nested, "a workspace in use is never handed out twice");
        fft.giveBack(nested);
        fft.giveBack(outer);
        assertTrue(fft.takeWorkspace() == outer, "the last one given back is reused");
        assertThrows(IllegalArgumentException.class, () -> RealFft.of(512).giveBack(outer));
    }
}
