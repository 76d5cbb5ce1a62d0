package dev.cauce.cli.audio;

import dev.cauce.preprocess.audio.AudioFeatures;
import picocli.CommandLine.Option;

/** The feature options shared by the audio commands (a picocli mixin). */
public final class FeatureOptions {
    @Option(names = "--feature", defaultValue = "mel",
            description = "Feature: spectrogram, mel or mfcc (default: ${DEFAULT-VALUE}).")
    String feature;

    @Option(names = "--rate", defaultValue = "16000",
            description = "Resample every file to this rate in Hz first (torchaudio's windowed sinc; default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--n-fft", defaultValue = "512", description = "FFT size (default: ${DEFAULT-VALUE}).")
    int nFft;

    @Option(names = "--hop", defaultValue = "128", description = "Hop between frames in samples (default: ${DEFAULT-VALUE}).")
    int hop;

    @Option(names = "--n-mels", defaultValue = "64", description = "Mel bands for mel and mfcc (HTK scale; default: ${DEFAULT-VALUE}).")
    int nMels;

    @Option(names = "--n-mfcc", defaultValue = "13", description = "Cepstral coefficients for mfcc (default: ${DEFAULT-VALUE}).")
    int nMfcc;

    @Option(names = "--no-db", negatable = false,
            description = "Keep spectrogram and mel as power instead of dB. MFCC always uses dB. Default: dB (10*log10, top_db 80).")
    boolean noDb;

    /** The configured front end; throws IllegalArgumentException with advice for bad combinations. */
    AudioFeatures features() {
        AudioFeatures.Kind kind = switch (feature.toLowerCase(java.util.Locale.ROOT)) {
            case "spectrogram", "spec" -> AudioFeatures.Kind.SPECTROGRAM;
            case "mel" -> AudioFeatures.Kind.MEL;
            case "mfcc" -> AudioFeatures.Kind.MFCC;
            default -> throw new IllegalArgumentException("--feature must be spectrogram, mel or mfcc, got '" + feature + "'");
        };
        dev.cauce.cli.OptionChecks.atLeast("--rate", rate, 1);
        dev.cauce.cli.OptionChecks.atLeast("--n-fft", nFft, 2);
        if (nFft % 2 != 0) throw new dev.cauce.cli.Main.UsageException("--n-fft must be even, got " + nFft);
        dev.cauce.cli.OptionChecks.atLeast("--hop", hop, 1);
        dev.cauce.cli.OptionChecks.atLeast("--n-mels", nMels, 1);
        if (kind == AudioFeatures.Kind.MFCC && (nMfcc < 1 || nMfcc > nMels)) {
            throw new dev.cauce.cli.Main.UsageException("--n-mfcc must be in [1, --n-mels=" + nMels + "], got " + nMfcc);
        }
        return new AudioFeatures(kind, rate, nFft, hop, nMels, nMfcc, !noDb);
    }
}
