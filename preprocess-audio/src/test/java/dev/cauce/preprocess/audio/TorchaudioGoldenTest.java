package dev.cauce.preprocess.audio;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.cauce.preprocess.audio.Golden.assertAbsClose;
import static dev.cauce.preprocess.audio.Golden.assertSpecClose;
import static dev.cauce.preprocess.audio.Golden.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every audio reference of shared/golden/audio (torchaudio 0.13.1), with the parameters of its
 * manifest.json: n_fft 512, hop 128, periodic Hann, centred reflect padding, power 2; 40 mels at
 * 8 kHz and 64 at 48 kHz; AmplitudeToDB top_db 80; MFCC 13 (DCT-II ortho).
 */
class TorchaudioGoldenTest {
    private static final int N_FFT = 512;
    private static final int HOP = 128;

    private static Audio en7() throws IOException {
        return Wav.read(Golden.resource("en7.wav"));
    }

    private static Audio fc48k() throws IOException {
        return Wav.read(Golden.resource("front_center.wav"));
    }

    private static MelSpectrogram mel(int sr, int nMels, MelScale scale, MelFilterbank.Norm norm, boolean allowEmpty) {
        return new MelSpectrogram(new Stft(N_FFT, HOP),
                new MelFilterbank(N_FFT / 2 + 1, sr, nMels, 0, sr / 2.0, scale, norm, allowEmpty), 2);
    }

    @Test
    void wavDecodingEqualsTorchaudioLoadExactly() throws IOException {
        Audio a = en7();
        assertEquals(8000, a.sampleRate());
        assertArrayEquals(npy("en7_8k_wave.npy").data(), a.channel(0));
    }

    @Test
    void powerSpectrogramMatches() throws IOException {
        assertSpecClose(npy("en7_8k_spec_power.npy"), new Stft(N_FFT, HOP).power(en7()), "en7 power spectrogram");
    }

    @Test
    void spectrogramDbMatchesWithin5e3Db() throws IOException {
        Spectrogram db = Decibels.powerToDb(new Stft(N_FFT, HOP).power(en7()), 80);
        assertAbsClose(npy("en7_8k_spec_db.npy").data(), db.data(), 5e-3, "en7 spectrogram dB");
    }

    @Test
    void filterbanksMatchHtkAndSlaney() throws IOException {
        assertFbank("en7_8k_fbank_htk.npy", new MelFilterbank(257, 8000, 40, 0, 4000, MelScale.HTK, MelFilterbank.Norm.NONE, false));
        assertFbank("en7_8k_fbank_slaney.npy", new MelFilterbank(257, 8000, 40, 0, 4000, MelScale.SLANEY, MelFilterbank.Norm.SLANEY, false));
        assertFbank("fc48k_fbank_htk.npy", new MelFilterbank(257, 48000, 64, 0, 24000, MelScale.HTK, MelFilterbank.Norm.NONE, true));
        assertFbank("fc48k_fbank_slaney.npy", new MelFilterbank(257, 48000, 64, 0, 24000, MelScale.SLANEY, MelFilterbank.Norm.SLANEY, false));
    }

    private static void assertFbank(String name, MelFilterbank fb) throws IOException {
        Golden.Arr ref = npy(name);
        var m = fb.matrix();
        assertArrayEquals(ref.shape(), m.shape(), name);
        float max = 0;
        for (float v : ref.data()) max = Math.max(max, v);
        assertAbsClose(ref.data(), m.data(), 1e-5 * max, name);
    }

    @Test
    void emptyMelFilterIsRefusedWithTheParameterToChange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MelFilterbank(257, 48000, 64, 0, 24000, MelScale.HTK, MelFilterbank.Norm.NONE, false));
        assertTrue(e.getMessage().contains("mel filter 0 of 64 is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("Lower nMels"), e.getMessage());
        assertTrue(e.getMessage().contains("raise nFft"), e.getMessage());
    }

    @Test
    void melSpectrogramsMatchAt8k() throws IOException {
        Audio a = en7();
        assertSpecClose(npy("en7_8k_mel_htk.npy"), mel(8000, 40, MelScale.HTK, MelFilterbank.Norm.NONE, false).apply(a), "en7 mel htk");
        assertSpecClose(npy("en7_8k_mel_slaney.npy"), mel(8000, 40, MelScale.SLANEY, MelFilterbank.Norm.SLANEY, false).apply(a), "en7 mel slaney");
    }

    @Test
    void melSpectrogramsMatchAt48kIncludingTheEmptyFilter() throws IOException {
        Audio a = fc48k();
        Spectrogram htk = mel(48000, 64, MelScale.HTK, MelFilterbank.Norm.NONE, true).apply(a);
        assertSpecClose(npy("fc48k_mel_htk.npy"), htk, "fc48k mel htk");
        assertSpecClose(npy("fc48k_mel_slaney.npy"), mel(48000, 64, MelScale.SLANEY, MelFilterbank.Norm.SLANEY, false).apply(a), "fc48k mel slaney");
    }

    @Test
    void melDbMatchesWithin5e3Db() throws IOException {
        Audio a = en7();
        assertAbsClose(npy("en7_8k_mel_htk_db.npy").data(),
                Decibels.powerToDb(mel(8000, 40, MelScale.HTK, MelFilterbank.Norm.NONE, false).apply(a), 80).data(), 5e-3, "mel htk dB");
        assertAbsClose(npy("en7_8k_mel_slaney_db.npy").data(),
                Decibels.powerToDb(mel(8000, 40, MelScale.SLANEY, MelFilterbank.Norm.SLANEY, false).apply(a), 80).data(), 5e-3, "mel slaney dB");
    }

    @Test
    void dctMatrixMatches() throws IOException {
        Golden.Arr ref = npy("en7_8k_dct_13x40.npy"); // [n_mels, n_mfcc]
        float[][] d = Mfcc.dctOrtho(13, 40);
        for (int n = 0; n < 40; n++) {
            for (int k = 0; k < 13; k++) assertEquals(ref.data()[n * 13 + k], d[k][n], 1e-6, "dct[" + n + "," + k + "]");
        }
    }

    @Test
    void mfccMatchesAt8kAnd48k() throws IOException {
        Audio a = en7();
        assertAbsClose(npy("en7_8k_mfcc_htk.npy").data(),
                new Mfcc(mel(8000, 40, MelScale.HTK, MelFilterbank.Norm.NONE, false), 13).apply(a).data(), 1e-2, "en7 mfcc htk");
        assertAbsClose(npy("en7_8k_mfcc_slaney.npy").data(),
                new Mfcc(mel(8000, 40, MelScale.SLANEY, MelFilterbank.Norm.SLANEY, false), 13).apply(a).data(), 1e-2, "en7 mfcc slaney");
        Audio b = fc48k();
        assertAbsClose(npy("fc48k_mfcc_htk.npy").data(),
                new Mfcc(mel(48000, 64, MelScale.HTK, MelFilterbank.Norm.NONE, true), 13).apply(b).data(), 1e-2, "fc48k mfcc htk");
        assertAbsClose(npy("fc48k_mfcc_slaney.npy").data(),
                new Mfcc(mel(48000, 64, MelScale.SLANEY, MelFilterbank.Norm.SLANEY, false), 13).apply(b).data(), 1e-2, "fc48k mfcc slaney");
    }

    @Test
    void resampleKernelsAndOutputsMatch() throws IOException {
        Resampler up = new Resampler(8000, 16000);
        Golden.Arr k8 = npy("en7_8k_resample_16k_kernel.npy"); // [2, 1, 15]
        for (int j = 0; j < 2; j++) {
            assertAbsClose(java.util.Arrays.copyOfRange(k8.data(), j * 15, j * 15 + 15), up.kernel(j), 1e-7, "8k->16k kernel phase " + j);
        }
        assertAbsClose(npy("en7_8k_resample_16k.npy").data(), up.apply(en7()).channel(0), 1e-5, "8k -> 16k");

        Resampler down = new Resampler(48000, 16000);
        assertAbsClose(npy("fc48k_resample_16k_kernel.npy").data(), down.kernel(0), 1e-7, "48k->16k kernel");
        assertAbsClose(npy("fc48k_resample_16k.npy").data(), down.apply(fc48k()).channel(0), 1e-5, "48k -> 16k");
    }

    @Test
    void biquadLowPassMatches() throws IOException {
        Audio lp = Filters.lowPass(fc48k(), 1000.0);
        assertAbsClose(npy("fc48k_lowpass1k.npy").data(), lp.channel(0), 1e-5, "lowpass_biquad 1 kHz");
    }
}
