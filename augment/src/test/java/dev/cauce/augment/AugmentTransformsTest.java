package dev.cauce.augment;

import dev.cauce.augment.audio.AddNoise;
import dev.cauce.augment.audio.FrequencyMask;
import dev.cauce.augment.audio.PitchPerturb;
import dev.cauce.augment.audio.RandomGain;
import dev.cauce.augment.audio.SpeedPerturb;
import dev.cauce.augment.audio.TimeMask;
import dev.cauce.augment.audio.TimeShift;
import dev.cauce.augment.audio.TimeWarp;
import dev.cauce.augment.image.GaussianNoise;
import dev.cauce.augment.image.HorizontalFlip;
import dev.cauce.augment.image.ImageAugment;
import dev.cauce.augment.image.RandomAffine;
import dev.cauce.augment.image.RandomErasing;
import dev.cauce.augment.image.RandomResizedCrop;
import dev.cauce.augment.image.RandomRotation;
import dev.cauce.augment.image.RandomScale;
import dev.cauce.augment.image.RandomShear;
import dev.cauce.augment.image.RandomTranslate;
import dev.cauce.augment.image.VerticalFlip;
import dev.cauce.augment.image.WarpOptions;
import dev.cauce.augment.text.CharNoise;
import dev.cauce.augment.text.KeyboardLayout;
import dev.cauce.augment.text.KeyboardTypos;
import dev.cauce.augment.text.OcrNoise;
import dev.cauce.augment.text.WordNoise;
import dev.cauce.augment.text.WordReplace;
import dev.cauce.augment.video.ClipConsistent;
import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformRegistry;
import dev.cauce.preprocess.audio.Audio;
import dev.cauce.preprocess.audio.AudioFeatures;
import dev.cauce.preprocess.audio.Spectrogram;
import dev.cauce.preprocess.audio.Wav;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.BorderMode;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import dev.cauce.preprocess.video.Clip;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every augmentation: spec, rebuild from the spec, same spec, same output with the same Rng on real data. */
class AugmentTransformsTest {
    private final TransformRegistry registry = TransformRegistry.load();

    @Test
    void everyAugmentationRoundTripsWithTheSameOutput() throws Exception {
        Image photo = ImageOps.resize(ImageCodec.decode(Path.of("src/test/resources/images/fruits.jpg")), 96, 64, Interpolation.AREA);
        AnnotatedImage ai = AnnotatedImage.of(photo);
        Audio speech = Wav.read(Path.of(getClass().getResource("/audio/en3.wav").toURI()));
        Spectrogram spec = AudioFeatures.logMel16k().apply(speech);
        String text = "The quick brown fox jumps over the lazy dog, twice.";
        Clip clip = new Clip("clip", new int[] {0, 1, 2}, new long[] {0, 40_000, 80_000}, List.of(photo, ImageOps.horizontalFlip(photo), photo));
        WarpOptions warp = new WarpOptions(Interpolation.BICUBIC, BorderMode.REFLECT, 0);
        List<Case<?>> cases = List.of(
                new Case<>(new HorizontalFlip(0.5), ai),
                new Case<>(new VerticalFlip(0.7), ai),
                new Case<>(new RandomRotation(-30, 30, 1, warp), ai),
                new Case<>(new RandomScale(0.8, 1.2, 1, WarpOptions.DEFAULT), ai),
                new Case<>(new RandomShear(10, 5, 1, warp), ai),
                new Case<>(new RandomTranslate(0.1, 0.2, 0.9, warp), ai),
                new Case<>(RandomAffine.of(15, 0.1, 0.9, 1.1, 5, warp), ai),
                new Case<>(new RandomResizedCrop(32, 24, 0.3, 1, 0.75, 1.33, Interpolation.AREA, 1), ai),
                new Case<>(new GaussianNoise(2, 10, 1), ai),
                new Case<>(new RandomErasing(1, 0.02, 0.2, 0.3, 3.3, 127), ai),
                new Case<>(ImageAugment.onImages(new RandomRotation(-10, 10, 1, warp)), photo),
                new Case<>(new ImageAugment.OnTensors(new HorizontalFlip(1), 64, 96), photo.toTensor(Image.PixelScale.UNIT)),
                new Case<>(new RandomApply<>(new VerticalFlip(1), 0.5), ai),
                new Case<>(new OneOf<>(List.of(new HorizontalFlip(1), new VerticalFlip(1)), new double[] {1, 3}, 0.9), ai),
                new Case<>(new SomeOf<>(List.of(new HorizontalFlip(1), new GaussianNoise(1, 3, 1), new VerticalFlip(1)), 1, 2), ai),
                new Case<>(AddNoise.white(10, 20), speech),
                new Case<>(AddNoise.pink(5, 15), speech),
                new Case<>(new FrequencyMask(8, 2, 0f), spec),
                new Case<>(new TimeMask(10, 2, -1.5f), spec),
                new Case<>(new TimeWarp(5), spec),
                new Case<>(new SpeedPerturb(0.9, 1.1), speech),
                new Case<>(new PitchPerturb(2), speech),
                new Case<>(new RandomGain(-6, 6), speech),
                new Case<>(new TimeShift(0.1), speech),
                new Case<>(new CharNoise(CharNoise.Op.SWAP, 0.2), text),
                new Case<>(new KeyboardTypos(KeyboardLayout.named("es"), 0.2), text),
                new Case<>(new OcrNoise(0.3), text),
                new Case<>(new WordNoise(WordNoise.Op.INSERT, 0.3, List.of("very", "quite")), text),
                new Case<>(WordReplace.misspellings(0.5), "I definately recieve the seperate tommorow"),
                new Case<>(new ClipConsistent(ImageAugment.onImages(new RandomRotation(-20, 20, 1, warp))), clip));
        for (Case<?> c : cases) c.check(registry);

        Set<String> covered = cases.stream().map(c -> c.t().spec().name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> provided = new AugmentTransforms().transforms().stream().map(TransformFactory::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(provided, covered, "every registered augmentation has a round-trip case");
    }

    record Case<I>(Transform<I, ?> t, I input) {
        void check(TransformRegistry registry) {
            SpecRoundTrip.check(registry, t, input);
        }
    }

    @Test
    void theRoundTripKeepsTheRandomnessKeyedBySample() {
        Image photo = ImageOps.resize(ImageCodec.decode(Path.of("src/test/resources/images/fruits.jpg")), 48, 32, Interpolation.AREA);
        Transform<AnnotatedImage, ?> t = SpecRoundTrip.rebuild(registry, new RandomRotation(-40, 40, 1, WarpOptions.DEFAULT));
        assertNotEquals(t.apply(AnnotatedImage.of(photo), Rng.of(5, 0, 1, 0)), t.apply(AnnotatedImage.of(photo), Rng.of(5, 0, 2, 0)),
                "a different sample index draws a different angle");
    }

    @Test
    void badAugmentationParametersNameTheKeyPath() {
        SpecException p = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("horizontal_flip", Map.of("p", 1.5)), "transforms[3]"));
        assertEquals("transforms[3].params.p: 1.5 is out of range, allowed [0, 1]", p.getMessage());

        SpecException deg = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("random_rotation", Map.of("min_degrees", -10, "max_degrees", 720, "p", 1)), "transforms[2]"));
        assertEquals("transforms[2].params.max_degrees: 720 is out of range, allowed [-360, 360]", deg.getMessage());

        SpecException child = assertThrows(SpecException.class, () -> registry.build(new TransformSpec("random_affine", Map.of("p", 1),
                List.of(TransformSpec.of("gaussian_noise", Map.of("sigma_min", 1, "sigma_max", 2, "p", 1)))), "transforms[1]"));
        assertTrue(child.getMessage().startsWith("transforms[1].children[0]: 'gaussian_noise' is not a geometric augmentation"), child.getMessage());

        SpecException order = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("audio.gain", Map.of("minDb", 6, "maxDb", -6)), "transforms[0]"));
        assertTrue(order.getMessage().startsWith("transforms[0].params: "), order.getMessage());

        SpecException source = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("text.word_replace", Map.of("source", "thesaurus", "fraction", 0.1)), "transforms[0]"));
        assertEquals("transforms[0].params.source: 'thesaurus' is not allowed, allowed [misspellings, wordnet, word2vec]", source.getMessage());
        SpecException noFile = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("text.word_replace", Map.of("source", "wordnet", "fraction", 0.1)), "transforms[0]"));
        assertEquals("transforms[0].params.wordnet: missing (required parameter)", noFile.getMessage());
    }
}
