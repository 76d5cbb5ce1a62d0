package dev.cauce.cli.audio;

import dev.cauce.augment.audio.AddNoise;
import dev.cauce.augment.audio.FrequencyMask;
import dev.cauce.augment.audio.TimeMask;
import dev.cauce.core.Rng;
import dev.cauce.preprocess.audio.Audio;
import dev.cauce.preprocess.audio.AudioFeatures;
import dev.cauce.preprocess.audio.AudioReader;
import dev.cauce.preprocess.audio.Resampler;
import dev.cauce.preprocess.audio.Spectrogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cauce audio preview}: the features of one file before and after augmentation, as a PNG. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Draw the spectrogram (or mel / MFCC) of one audio file before and after augmentation.",
                "Augmentation: white noise at --snr dB on the waveform, then one frequency mask of up to --freq-mask "
                        + "bins and one time mask of up to --time-mask frames (SpecAugment), drawn from --seed."},
        footer = {"", "Examples:",
                "  cauce audio preview speech.wav --out spec.png",
                "  cauce audio preview song.mp3 --out spec.png --feature spectrogram --snr 5 --seed 3"})
public final class AudioPreviewCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "Audio file (WAV, MP3, OGG, FLAC, AAC/M4A, ...).")
    Path file;

    @Option(names = "--out", defaultValue = "spec.png", description = "PNG to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--snr", defaultValue = "10", description = "SNR of the added white noise in dB (default: ${DEFAULT-VALUE}).")
    double snr;

    @Option(names = "--time-mask", defaultValue = "30", description = "Largest time mask in frames (default: ${DEFAULT-VALUE}).")
    int timeMask;

    @Option(names = "--freq-mask", defaultValue = "15", description = "Largest frequency mask in bins (default: ${DEFAULT-VALUE}).")
    int freqMask;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed of the augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    FeatureOptions featureOptions = new FeatureOptions();

    private final PrintStream msg;

    public AudioPreviewCommand() {
        this(System.out);
    }

    AudioPreviewCommand(PrintStream msg) {
        this.msg = msg;
    }

    @Override
    public Integer call() throws IOException {
        AudioFeatures features = featureOptions.features();
        dev.cauce.cli.OptionChecks.atLeast("--time-mask", timeMask, 0);
        dev.cauce.cli.OptionChecks.atLeast("--freq-mask", freqMask, 0);
        // checked before decoding: the picture is always PNG, and a bad --out should not surface as a temporary file's name
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new dev.cauce.cli.Main.UsageException("--out " + out + ": the preview is a PNG, give a name ending in .png");
        }
        dev.cauce.cli.OutputChecks.file("--out", out, "the preview is one PNG file");
        Audio audio = AudioReader.read(file).toMono();
        Preview p = preview(audio, features, snr, timeMask, freqMask, Rng.seeded(seed));
        SpectrogramPicture.write(out, p.panels(file.getFileName().toString()), p.top(), 80f);
        msg.printf("%s: %.2f s at %d Hz -> %s %d x %d; preview written to %s%n", file, audio.durationSeconds(), audio.sampleRate(),
                features.kind().name().toLowerCase(), p.before().bins(), p.before().frames(), out);
        return 0;
    }

    /** Features before and after augmentation, with the colour scale's top. */
    record Preview(Spectrogram before, Spectrogram after, float top) {
        List<SpectrogramPicture.Panel> panels(String name) {
            return List.of(new SpectrogramPicture.Panel(name + " (original)", before),
                    new SpectrogramPicture.Panel(name + " (noise + frequency and time masks)", after));
        }
    }

    /**
     * Computes the two feature matrices. Masked cells get the original's floor (its maximum - 80 dB)
     * so they show dark; torchaudio writes 0, which in dB would be an arbitrary level.
     */
    static Preview preview(Audio audio, AudioFeatures features, double snr, int timeMask, int freqMask, Rng rng) {
        Audio at = audio.sampleRate() == features.sampleRate() ? audio : Resampler.resample(audio, features.sampleRate());
        Spectrogram before = features.apply(at);
        float top = before.max();
        float floor = top - 80f;
        Audio noisy = AddNoise.white(snr, snr).apply(at, rng.child(0));
        Spectrogram after = features.apply(noisy);
        after = new FrequencyMask(freqMask, 1, floor).apply(after, rng.child(1));
        after = new TimeMask(timeMask, 1, floor).apply(after, rng.child(2));
        return new Preview(before, after, top);
    }
}
