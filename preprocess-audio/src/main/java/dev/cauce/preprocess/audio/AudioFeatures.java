package dev.cauce.preprocess.audio;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.Locale;
import java.util.Map;

/**
 * The usual front end in one deterministic transform: mix down to mono, resample to
 * {@code sampleRate} (torchaudio's sinc), then a power spectrogram, a mel spectrogram or MFCCs with
 * torchaudio's conventions (periodic Hann, centred STFT, HTK mels, no norm). Spectrogram and mel
 * outputs are converted to dB ({@code top_db} 80) when {@code db} is set; MFCCs always include it.
 *
 * @param kind       which feature
 * @param sampleRate target rate in Hz (input at another rate is resampled)
 * @param nFft       FFT size
 * @param hop        hop in samples
 * @param nMels      mel bands (mel and MFCC)
 * @param nMfcc      coefficients (MFCC)
 * @param db         convert spectrogram and mel power to dB
 */
public record AudioFeatures(Kind kind, int sampleRate, int nFft, int hop, int nMels, int nMfcc, boolean db)
        implements Transform<Audio, Spectrogram> {

    /** The features {@link AudioFeatures} can compute. */
    public enum Kind { SPECTROGRAM, MEL, MFCC }

    private static final double TOP_DB = 80;

    public AudioFeatures {
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be positive, got " + sampleRate);
        new Stft(nFft, hop); // validates nFft and hop
        if (kind != Kind.SPECTROGRAM) MelFilterbank.htk(nFft, sampleRate, nMels); // refuses empty filters with advice
        if (kind == Kind.MFCC && (nMfcc < 1 || nMfcc > nMels)) {
            throw new IllegalArgumentException("nMfcc must be in [1, nMels=" + nMels + "], got " + nMfcc);
        }
    }

    /** 64 log-mel bands at 16 kHz, n_fft 512, hop 128 (the peer benchmark's parameters). */
    public static AudioFeatures logMel16k() {
        return new AudioFeatures(Kind.MEL, 16000, 512, 128, 64, 13, true);
    }

    /** Number of feature rows. */
    public int bins() {
        return switch (kind) {
            case SPECTROGRAM -> nFft / 2 + 1;
            case MEL -> nMels;
            case MFCC -> nMfcc;
        };
    }

    @Override
    public Spectrogram apply(Audio audio, Rng rng) {
        return apply(audio);
    }

    /** The features of {@code audio}. */
    public Spectrogram apply(Audio audio) {
        float[] x = audio.toMono().channel(0);
        if (x.length == 0) throw new IllegalArgumentException("audio has 0 samples");
        if (audio.sampleRate() != sampleRate) x = resampler(audio.sampleRate()).apply(x);
        Stft stft = new Stft(nFft, hop);
        return switch (kind) {
            case SPECTROGRAM -> db ? Decibels.powerToDb(stft.power(x), TOP_DB) : stft.power(x);
            case MEL -> {
                Spectrogram mel = melSpectrogram().apply(x);
                yield db ? Decibels.powerToDb(mel, TOP_DB) : mel;
            }
            case MFCC -> new Mfcc(melSpectrogram(), nMfcc).apply(x);
        };
    }

    private MelSpectrogram melSpectrogram() {
        return MelSpectrogram.htk(sampleRate, nFft, hop, nMels);
    }

    /** Built per call: a record holds no cache, and the kernel costs microseconds for common rate pairs. */
    private Resampler resampler(int from) {
        return new Resampler(from, sampleRate);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("audio.features", Map.of("kind", kind.name().toLowerCase(Locale.ROOT), "sampleRate", sampleRate,
                "nFft", nFft, "hop", hop, "nMels", nMels, "nMfcc", nMfcc, "db", db));
    }
}
