package dev.cauce.preprocess.audio;

import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.Encoded;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every registered audio transform: spec, rebuild, same spec, same output on a real recording. */
class AudioTransformProviderTest {
    private final TransformRegistry registry = TransformRegistry.load();

    @Test
    void everyAudioTransformRoundTripsWithTheSameOutput() throws Exception {
        byte[] wav = Files.readAllBytes(Path.of(getClass().getResource("/audio/en7.wav").toURI()));
        Audio audio = Wav.decode(wav, "en7.wav");
        AudioFeatures mel = new AudioFeatures(AudioFeatures.Kind.MEL, audio.sampleRate(), 256, 80, 40, 13, true);
        List<Case<?>> cases = List.of(
                new Case<>(new AudioTransformProvider.ReadAudio(), new Encoded("en7.wav", wav)),
                new Case<>(mel, audio),
                new Case<>(new AudioFeatures(AudioFeatures.Kind.MFCC, audio.sampleRate(), 512, 128, 40, 13, true), audio),
                new Case<>(new AudioTransformProvider.SpectrogramToTensor(), mel.apply(audio)),
                new Case<>(new AudioTransformProvider.SpectrogramToTensor(7), mel.apply(audio)));
        for (Case<?> c : cases) c.check(registry);
        Set<String> covered = cases.stream().map(c -> c.t().spec().name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> provided = new AudioTransformProvider().transforms().stream().map(TransformFactory::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(provided, covered);

        SpecException bad = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("audio.features", Map.of("kind", "mel", "sampleRate", 16000, "nFft", 8, "hop", 160,
                        "nMels", 40, "nMfcc", 13, "db", true)), "transforms[1]"));
        assertEquals("transforms[1].params.nFft: 8 is out of range, allowed [16, 65536]", bad.getMessage());
    }

    @Test
    void missingFeatureParametersTakeTheLogMel16kDefaults() {
        assertEquals(AudioFeatures.logMel16k(), registry.build(TransformSpec.of("audio.features", Map.of()), "transforms[1]"));
        assertEquals(new AudioFeatures(AudioFeatures.Kind.MFCC, 16000, 512, 128, 64, 20, true),
                registry.build(TransformSpec.of("audio.features", Map.of("kind", "mfcc", "nMfcc", 20)), "transforms[1]"));
    }

    @Test
    void readAudioNamesTheFileOnceAndCallsAnEmptyFileEmpty() throws Exception {
        byte[] wav = Files.readAllBytes(Path.of(getClass().getResource("/audio/en7.wav").toURI()));
        var read = new AudioTransformProvider.ReadAudio();
        dev.cauce.core.SampleException cut = org.junit.jupiter.api.Assertions.assertThrows(dev.cauce.core.SampleException.class,
                () -> read.apply(new Encoded("en/7.wav", java.util.Arrays.copyOf(wav, 2000)), null));
        assertEquals("en/7.wav", cut.source());
        assertEquals("en/7.wav: truncated WAV: RIFF header declares " + wav.length + " bytes but the file has 2000", cut.getMessage());
        dev.cauce.core.SampleException empty = org.junit.jupiter.api.Assertions.assertThrows(dev.cauce.core.SampleException.class,
                () -> read.apply(new Encoded("en/0.wav", new byte[0]), null));
        assertEquals("en/0.wav: empty file (0 bytes), not audio", empty.getMessage());
    }

    @Test
    void toTensorFramesCropsOrZeroPadsTheTimeAxis() {
        Spectrogram s = new Spectrogram(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        var t = registry.build(TransformSpec.of("audio.to_tensor", Map.of("frames", 2)), "transforms[2]");
        @SuppressWarnings("unchecked")
        Tensor cropped = ((Transform<Spectrogram, Tensor>) t).apply(s, null);
        assertEquals(List.of(2, 2), java.util.Arrays.stream(cropped.shape()).boxed().toList());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 2, 4, 5}, cropped.data());
        Tensor padded = new AudioTransformProvider.SpectrogramToTensor(4).apply(s, null);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 2, 3, 0, 4, 5, 6, 0}, padded.data());
        assertEquals(List.of(2, 3), java.util.Arrays.stream(new AudioTransformProvider.SpectrogramToTensor().apply(s, null).shape()).boxed().toList());
    }

    record Case<I>(Transform<I, ?> t, I input) {
        void check(TransformRegistry registry) {
            SpecRoundTrip.check(registry, t, input);
        }
    }
}
