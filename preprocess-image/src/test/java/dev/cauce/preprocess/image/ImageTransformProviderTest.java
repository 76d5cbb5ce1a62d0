package dev.cauce.preprocess.image;

import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.Encoded;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTransformProviderTest {
    private static final Path FRUITS = Path.of("src/test/resources/images/fruits.jpg");
    private final TransformRegistry registry = TransformRegistry.load();

    /** Every image transform: spec, rebuild, same spec, same output on a real photo with the same Rng. */
    @Test
    void everyTransformRoundTripsWithTheSameOutput() throws IOException {
        byte[] bytes = Files.readAllBytes(FRUITS);
        Image img = ImageCodec.decode(bytes, FRUITS.toString());
        Tensor tensor = img.toTensor(Image.PixelScale.UNIT);
        List<Case<?>> cases = List.of(
                new Case<>(new ImageTransformProvider.ReadImage(), new Encoded("fruits.jpg", bytes)),
                new Case<>(new ImageTransforms.Decode(), FRUITS),
                new Case<>(new ImageTransforms.ToRgb(), img),
                new Case<>(new ImageTransforms.ToGray(), img),
                new Case<>(new ImageTransforms.Resize(64, 48, Interpolation.AREA), img),
                new Case<>(new ImageTransforms.ResizeShortestSide(40, Interpolation.BICUBIC), img),
                new Case<>(new ImageTransforms.CenterCrop(100, 80), img),
                new Case<>(new ImageTransforms.ResizeCenterCrop(50, 50, Interpolation.BILINEAR), img),
                new Case<>(new ImageTransforms.Letterbox(60, 30, Interpolation.NEAREST, 114), img),
                new Case<>(new ImageTransforms.ToTensor(Image.PixelScale.SYMMETRIC), img),
                new Case<>(ImageTransforms.Normalize.imagenet(), img),
                new Case<>(new ImageTransforms.MinMax(new double[] {10, 20, 30}, new double[] {200, 210, 250}), img),
                new Case<>(new ImageTransforms.UnitNorm(), tensor));
        for (Case<?> c : cases) c.check(registry);

        Set<String> covered = cases.stream().map(c -> c.t().spec().name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> provided = new ImageTransformProvider().transforms().stream().map(TransformFactory::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(provided, covered, "every registered image transform has a round-trip case");
    }

    record Case<I>(Transform<I, ?> t, I input) {
        void check(TransformRegistry registry) {
            SpecRoundTrip.check(registry, t, input);
        }
    }

    @Test
    void badParametersNameTheKeyPathTheValueAndWhatIsAllowed() {
        SpecException range = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("resize", Map.of("width", 0, "height", 32)), "transforms[1]"));
        assertEquals("transforms[1].params.width: 0 is out of range, allowed [1, 65536]", range.getMessage());

        SpecException interp = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("resize", Map.of("width", 8, "height", 8, "interpolation", "cubic")), "transforms[0]"));
        assertTrue(interp.getMessage().startsWith("transforms[0].params.interpolation: 'cubic' is not allowed, allowed [NEAREST"),
                interp.getMessage());

        SpecException typo = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("resize", Map.of("width", 8, "heigth", 8)), "transforms[0]"));
        assertEquals("transforms[0].params.height: missing (required parameter); the spec has 'heigth': misspelt?", typo.getMessage());
        SpecException missing = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("resize", Map.of("width", 8)), "transforms[0]"));
        assertEquals("transforms[0].params.height: missing (required parameter)", missing.getMessage());

        SpecException extra = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("center_crop", Map.of("width", 8, "height", 8, "widht", 3)), "transforms[4]"));
        assertEquals("transforms[4].params.widht: unknown parameter (did you mean width?), known parameters [height, width]",
                extra.getMessage());

        SpecException name = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("resise", Map.of()), "transforms[2]"));
        assertTrue(name.getMessage().startsWith("transforms[2].name: unknown transform 'resise' (did you mean resize"), name.getMessage());
        assertTrue(name.getMessage().endsWith("?); 'cauce run --list' lists all " + registry.names().size() + " transforms"), name.getMessage());
        assertFalse(name.getMessage().contains("vertical_flip"), "not the whole catalogue: " + name.getMessage());

        SpecException ctor = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("normalize", Map.of("mean", List.of(0.5, 0.5), "std", List.of(0.2))), "transforms[3]"));
        assertTrue(ctor.getMessage().startsWith("transforms[3].params: mean and std need one value per channel"), ctor.getMessage());
    }

    @Test
    void chainsRejectStepsThatDoNotFit() {
        SpecException e = assertThrows(SpecException.class, () -> registry.chain(List.of(
                TransformSpec.of("read_image", Map.of()),
                TransformSpec.of("to_tensor", Map.of()),
                TransformSpec.of("resize", Map.of("width", 8, "height", 8))), "transforms", Encoded.class));
        assertEquals("transforms[2]: 'resize' takes Image but receives Tensor from transforms[1]", e.getMessage());
    }
}
