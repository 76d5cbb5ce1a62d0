package dev.cauce.preprocess.audio;

import dev.cauce.core.simd.VectorOps;

/**
 * Power (or magnitude) STFT followed by a mel filterbank, as torchaudio's {@code MelSpectrogram}.
 * The linear spectrogram is never stored: each frame's spectrum goes straight through the filters.
 * Immutable and thread-safe.
 *
 * @param stft       the STFT
 * @param filterbank filters over {@code stft.bins()} bins
 * @param power      2 for power (torchaudio's default), 1 for magnitude
 */
public record MelSpectrogram(Stft stft, MelFilterbank filterbank, int power) {

    public MelSpectrogram {
        if (filterbank.nFreqs() != stft.bins()) {
            throw new IllegalArgumentException("filterbank has " + filterbank.nFreqs() + " bins but the STFT gives " + stft.bins());
        }
        if (power != 1 && power != 2) throw new IllegalArgumentException("power must be 1 or 2, got " + power);
    }

    /** torchaudio's {@code MelSpectrogram(sampleRate, n_fft, hop_length, n_mels)}: Hann, centred, HTK, no norm, power 2. */
    public static MelSpectrogram htk(int sampleRate, int nFft, int hop, int nMels) {
        return new MelSpectrogram(new Stft(nFft, hop), MelFilterbank.htk(nFft, sampleRate, nMels), 2);
    }

    /** The mel spectrogram (nMels, frames) of a mono signal. */
    public Spectrogram apply(float[] x) {
        int frames = stft.validatedFrames(x.length);
        int nMels = filterbank.nMels();
        float[] out = new float[nMels * frames];
        stft.forEachBatch(x, (t0, count, p) -> {
            if (power == 1) VectorOps.sqrt(p.length, p, 0);
            filterbank.applyBatch(p, count, out, frames, t0);
        });
        return new Spectrogram(out, nMels, frames);
    }

    /** The mel spectrogram of {@code audio} mixed down to mono. */
    public Spectrogram apply(Audio audio) {
        return apply(audio.monoSamples());
    }
}
