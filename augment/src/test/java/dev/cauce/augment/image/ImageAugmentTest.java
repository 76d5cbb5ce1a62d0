package dev.cauce.augment.image;

import dev.cauce.augment.OneOf;
import dev.cauce.augment.RandomApply;
import dev.cauce.augment.SomeOf;
import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.preprocess.image.Affine;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.BorderMode;
import dev.cauce.preprocess.image.Box;
import dev.cauce.preprocess.image.Boxes;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import dev.cauce.preprocess.image.Keypoints;
import dev.cauce.preprocess.image.Mask;
import dev.cauce.preprocess.image.Target;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageAugmentTest {

    private static final Image FRUITS;

    static {
        try (InputStream in = ImageAugmentTest.class.getResourceAsStream("/images/fruits.jpg")) {
            FRUITS = ImageOps.resize(ImageCodec.decode(in.readAllBytes(), "fruits.jpg"), 128, 120, Interpolation.AREA);
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void assertSameMap(Affine expected, Affine got) {
        double[] e = expected.toArray(), g = got.toArray();
        for (int i = 0; i < 6; i++) assertEquals(e[i], g[i], 1e-12, "entry " + i);
    }

    @Test
    void sampledMatricesAreTheCourseFormulasAboutTheCentre() {
        Rng rng = Rng.seeded(1);
        double c = Math.cos(Math.toRadians(-30)), s = Math.sin(Math.toRadians(-30));
        // rotation: T(c) R(-30 deg) T(-c) with R the textbook [[cos, -sin], [sin, cos]]
        Affine rot = new RandomRotation(30, 30, 1, WarpOptions.DEFAULT).sample(100, 60, rng);
        assertSameMap(new Affine(c, -s, 50 - c * 50 + s * 30, s, c, 30 - s * 50 - c * 30), rot);
        Affine scale = new RandomScale(2, 2, 1, WarpOptions.DEFAULT).sample(100, 60, rng);
        assertSameMap(new Affine(2, 0, -50, 0, 2, -30), scale);
        double k = Math.tan(Math.toRadians(10));
        Affine shear = new RandomShear(0, 0, 1, WarpOptions.DEFAULT).sample(100, 60, rng);
        assertTrue(shear.isIdentity() || Math.abs(shear.m01()) < 1e-15);
        assertSameMap(new Affine(-1, 0, 100, 0, 1, 0), new HorizontalFlip(1).sample(100, 60, rng));
        assertSameMap(new Affine(1, 0, 0, 0, -1, 60), new VerticalFlip(1).sample(100, 60, rng));
        Affine t = new RandomTranslate(0.1, 0.2, 1, WarpOptions.DEFAULT).sample(100, 60, rng);
        assertEquals(1, t.m00());
        assertEquals(1, t.m11());
        assertTrue(Math.abs(t.m02()) <= 10 && Math.abs(t.m12()) <= 12);
        assertTrue(Affine.shear(k, 0).m01() == k);
    }

    @Test
    void randomAffineComposesItsPartsIntoOneMatrix() {
        RandomAffine ra = RandomAffine.of(15, 0.1, 0.9, 1.1, 10, WarpOptions.DEFAULT);
        Rng rng = Rng.seeded(42);
        Affine composed = ra.sample(128, 120, rng);
        Affine byHand = Affine.IDENTITY;
        for (int i = 0; i < ra.parts().size(); i++) byHand = byHand.then(ra.parts().get(i).sample(128, 120, rng.child(1 + i)));
        assertSameMap(byHand, composed);
        // and the output is exactly one warp with that matrix
        AnnotatedImage out = ra.apply(AnnotatedImage.of(FRUITS), rng);
        assertEquals(ImageOps.warpAffine(FRUITS, composed, 128, 120, Interpolation.BILINEAR, BorderMode.CONSTANT, 0), out.image());
    }

    @Test
    void sameRngSameOutputAndPZeroIsIdentity() {
        var aug = new RandomApply<>(RandomAffine.of(20, 0.1, 0.8, 1.2, 5, WarpOptions.DEFAULT), 0.9);
        AnnotatedImage in = AnnotatedImage.of(FRUITS);
        assertEquals(aug.apply(in, Rng.of(7, 0, 3, 0)).image(), aug.apply(in, Rng.of(7, 0, 3, 0)).image());
        assertNotEquals(aug.apply(in, Rng.of(7, 0, 3, 0)).image(), aug.apply(in, Rng.of(7, 0, 4, 0)).image());
        for (Transform<AnnotatedImage, AnnotatedImage> t : List.<Transform<AnnotatedImage, AnnotatedImage>>of(
                new HorizontalFlip(0), new RandomRotation(-10, 10, 0, WarpOptions.DEFAULT), new RandomErasing(0, 0.1, 0.2, 0.5, 2, 0),
                new GaussianNoise(5, 10, 0), new RandomApply<>(new HorizontalFlip(1), 0))) {
            assertSame(in, t.apply(in, Rng.seeded(3)), t.spec().toString());
        }
    }

    @Test
    void boxesKeypointsAndMasksFollowTheSampledWarp() {
        Box box = new Box(40, 30, 80, 70, 5);
        byte[] maskPx = new byte[128 * 120];
        for (int y = 30; y < 70; y++) for (int x = 40; x < 80; x++) maskPx[y * 128 + x] = 5;
        Image maskImg = Image.ofBytes(128, 120, 1, maskPx);
        AnnotatedImage in = new AnnotatedImage(FRUITS, List.of(new Boxes(List.of(box)), new Mask(maskImg),
                new Keypoints(List.of(new Keypoints.Point(40, 30)))));
        var ra = new RandomAffine(List.of(new RandomRotation(90, 90, 1, WarpOptions.DEFAULT),
                new RandomTranslate(0.05, 0.05, 1, WarpOptions.DEFAULT)), 1, WarpOptions.DEFAULT);
        Rng rng = Rng.seeded(11);
        Affine m = ra.sample(128, 120, Rng.seeded(11));
        AnnotatedImage out = ra.apply(in, rng);
        Box moved = out.target(Boxes.class).boxes().getFirst();
        // the quarter turn maps the square box to a square box of the same size
        assertEquals(40, moved.width(), 1e-9);
        assertEquals(40, moved.height(), 1e-9);
        // the mask (moved with nearest) covers exactly the moved box, up to the 1/32-px grid rounding at edges
        Box fromMask = hull(out.target(Mask.class).labels());
        assertEquals(moved.x1(), fromMask.x1(), 1.0);
        assertEquals(moved.y2(), fromMask.y2(), 1.0);
        Keypoints.Point p = out.target(Keypoints.class).points().getFirst();
        assertEquals(m.mapX(40, 30), p.x(), 1e-9);
        assertEquals(m.mapY(40, 30), p.y(), 1e-9);
    }

    @Test
    void unsupportedTargetsAreRefusedNotPassedThrough() {
        Target polygon = () -> "polygon";
        AnnotatedImage in = new AnnotatedImage(FRUITS, List.of(polygon));
        assertThrows(IllegalArgumentException.class, () -> new HorizontalFlip(1).apply(in, Rng.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> RandomAffine.of(10, 0, 1, 1, 0, WarpOptions.DEFAULT).apply(in, Rng.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> RandomResizedCrop.of(64, 64).apply(in, Rng.seeded(1)));
    }

    @Test
    void randomResizedCropHasFixedOutputAndMovesBoxes() {
        var rrc = RandomResizedCrop.of(64, 48);
        AnnotatedImage in = new AnnotatedImage(FRUITS, List.of(new Boxes(List.of(new Box(0, 0, 128, 120, 1)))));
        for (int i = 0; i < 20; i++) {
            AnnotatedImage out = rrc.apply(in, Rng.seeded(i));
            assertEquals(64, out.image().width());
            assertEquals(48, out.image().height());
            // the whole-image box always covers the whole crop
            assertEquals(List.of(new Box(0, 0, 64, 48, 1)), out.target(Boxes.class).boxes());
        }
    }

    @Test
    void oneOfFollowsWeightsAndSomeOfPicksWithinRange() {
        Transform<Integer, Integer> plus1 = Transform.of("plus1", java.util.Map.of(), x -> x + 1);
        Transform<Integer, Integer> plus10 = Transform.of("plus10", java.util.Map.of(), x -> x + 10);
        Transform<Integer, Integer> plus100 = Transform.of("plus100", java.util.Map.of(), x -> x + 100);
        var one = new OneOf<>(List.of(plus1, plus10), new double[] {3, 1}, 1.0);
        int ones = 0;
        for (int i = 0; i < 4000; i++) if (one.apply(0, Rng.seeded(i)) == 1) ones++;
        assertEquals(3000, ones, 120); // binomial sd ~27
        var some = new SomeOf<>(List.of(plus1, plus10, plus100), 1, 2);
        for (int i = 0; i < 200; i++) {
            int r = some.apply(0, Rng.seeded(i));
            int count = (r % 10) + (r / 10 % 10) + (r / 100);
            assertTrue(count >= 1 && count <= 2, "applied " + count);
        }
        assertEquals("one_of", one.spec().name());
        assertEquals(2, one.spec().children().size());
    }

    @Test
    void tensorAdapterAugmentsMnistShapedTensors() {
        float[] digit = new float[784];
        for (int y = 8; y < 20; y++) for (int x = 4; x < 8; x++) digit[y * 28 + x] = 1f;
        Tensor flat = Tensor.of(digit, 784);
        var onT = new ImageAugment.OnTensors(new HorizontalFlip(1), 28, 28);
        Tensor flipped = onT.apply(flat, Rng.seeded(1));
        assertArrayEquals(new int[] {784}, flipped.shape());
        assertEquals(1f, flipped.data()[8 * 28 + (27 - 4)]);
        assertEquals(0f, flipped.data()[8 * 28 + 4]);
        Tensor back = onT.apply(flipped, Rng.seeded(1));
        assertArrayEquals(digit, back.data());
        var affine = new ImageAugment.OnTensors(RandomAffine.of(10, 0.1, 0.9, 1.1, 5, WarpOptions.DEFAULT), 28, 28);
        Tensor moved = affine.apply(Tensor.of(digit.clone(), 1, 28, 28), Rng.seeded(2));
        assertArrayEquals(new int[] {1, 28, 28}, moved.shape());
        double mass = 0;
        for (float v : moved.data()) mass += v;
        assertTrue(mass > 30 && mass < 70, "ink mass " + mass); // 48 before; scale 0.9..1.1 squared
    }

    private static Box hull(Image labels) {
        int x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = -1, y2 = -1;
        for (int y = 0; y < labels.height(); y++) {
            for (int x = 0; x < labels.width(); x++) {
                if (labels.get(y, x, 0) == 0) continue;
                x1 = Math.min(x1, x);
                y1 = Math.min(y1, y);
                x2 = Math.max(x2, x + 1);
                y2 = Math.max(y2, y + 1);
            }
        }
        return new Box(x1, y1, x2, y2, 0);
    }
}
