package dev.cauce.preprocess.audio;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The polyphase {@link Resampler#apply(float[])} against torchaudio's definition written out
 * directly, {@code out[k·n + j] = Σ_i kernel[j][i]·x[k·o + i - width]} (zeros outside the input),
 * on a real recording (en7.wav, read as samples at each source rate) and for rate pairs that take
 * every path: one or two output phases (the vector interleave, odd output lengths), three or
 * more phases, one or several input streams. The torchaudio goldens cover 8 and 48 to 16 kHz.
 */
class ResamplerTest {

    @ParameterizedTest(name = "{0} -> {1} Hz, {2} samples")
    @CsvSource({"8000, 16000, 3999", "8000, 16000, 4000", "24000, 16000, 3001", "16000, 8000, 2999", "8000, 24000, 1001",
            "48000, 16000, 5000", "44100, 16000, 2205", "8000, 16000, 5"})
    void polyphaseEqualsTheDirectSum(int from, int to, int samples) throws IOException {
        float[] x = java.util.Arrays.copyOf(Wav.read(Golden.resource("en7.wav")).channel(0), samples);
        Resampler rs = new Resampler(from, to);
        int g = java.math.BigInteger.valueOf(from).gcd(java.math.BigInteger.valueOf(to)).intValue();
        int o = from / g, n = to / g;
        int taps = rs.kernel(0).length, width = (taps - o) / 2;
        float[] got = rs.apply(x);
        assertEquals((int) Math.ceil((double) n * samples / o), got.length, "output length");
        float peak = 0;
        for (float v : x) peak = Math.max(peak, Math.abs(v));
        for (int out = 0; out < got.length; out++) {
            int k = out / n, j = out % n;
            float[] kern = rs.kernel(j);
            double want = 0;
            for (int i = 0; i < taps; i++) {
                int q = k * o + i - width;
                if (q >= 0 && q < samples) want += (double) kern[i] * x[q];
            }
            assertEquals(want, got[out], 1e-6 * peak, "output " + out);
        }
    }
}
