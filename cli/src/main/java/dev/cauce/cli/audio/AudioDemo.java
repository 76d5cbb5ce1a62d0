package dev.cauce.cli.audio;

import dev.cauce.cli.DemoSection;
import dev.cauce.core.Rng;
import dev.cauce.preprocess.audio.Audio;
import dev.cauce.preprocess.audio.AudioFeatures;
import dev.cauce.preprocess.audio.AudioReader;
import dev.cauce.preprocess.audio.Spectrogram;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The audio part of {@code cauce demo}: decodes the bundled recordings in {@code samples/audio},
 * turns them into 64-band log-mel spectrograms at 16 kHz, and draws one before and after noise and
 * SpecAugment masks ({@code audio-preview.png}).
 */
public final class AudioDemo implements DemoSection {

    @Override
    public String title() {
        return "Audio: decode, resample to 16 kHz, log-mel, SpecAugment";
    }

    @Override
    public void run(Path samples, Path outDir, PrintStream out) throws Exception {
        Path dir = samples.resolve("audio");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalStateException(dir + ": no .wav files");
        AudioFeatures features = AudioFeatures.logMel16k();
        long t0 = System.nanoTime();
        double seconds = 0;
        int frames = 0;
        for (Path f : files) {
            Audio a = AudioReader.read(f);
            seconds += a.durationSeconds();
            frames += features.apply(a).frames();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        out.printf("%d recordings (%.1f s of audio, 8 and 48 kHz) -> %d log-mel frames of 64 bands in %.2f s (cold JVM: %.0f s of audio per s)%n",
                files.size(), seconds, frames, elapsed, seconds / elapsed);
        Path chosen = files.stream().filter(p -> p.toString().contains("digits")).findFirst().orElse(files.getFirst());
        Audio a = AudioReader.read(chosen);
        AudioPreviewCommand.Preview p = AudioPreviewCommand.preview(a, features, 10, 30, 15, Rng.seeded(0));
        Path png = outDir.resolve("audio-preview.png");
        SpectrogramPicture.write(png, p.panels(dir.relativize(chosen).toString()), p.top(), 80f);
        Spectrogram s = p.before();
        out.printf("%s: %.2f s -> %d x %d log-mel; preview with white noise at 10 dB SNR and two masks: %s%n",
                dir.relativize(chosen), a.durationSeconds(), s.bins(), s.frames(), png);
    }
}
