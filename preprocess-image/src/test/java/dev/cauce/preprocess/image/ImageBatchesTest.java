package dev.cauce.preprocess.image;

import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.SampleException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageBatchesTest {

    /** The sample photos cut to one size (as an augmentation's crop would), labelled 0, 1, 2, ... */
    private static List<Sample<Image>> photos(int w, int h) {
        List<Sample<Image>> out = new ArrayList<>();
        for (String name : List.of("fruits.jpg", "smarties.png", "left01.jpg")) {
            Image img = ImageCodec.decode(ImageTest.resource(name), name).toRgb();
            out.add(new Sample<>(out.size(), name, ImageOps.resize(img, w, h, Interpolation.AREA), out.size() % 3));
            out.add(new Sample<>(out.size(), name + "#flipped", ImageOps.resize(ImageOps.horizontalFlip(img), w, h, Interpolation.BILINEAR),
                    out.size() % 3));
        }
        return out;
    }

    /** The batches of the usual path: a tensor per sample, then stacked. */
    private static List<Batch> mapThenCollate(List<Sample<Image>> samples, ImageTransforms.Normalize n, int size) {
        return DataStream.of(samples).map(n).batch(size, Batch::collate).toList(7, 0);
    }

    private static List<Batch> inPlace(List<Sample<Image>> samples, ImageTransforms.Normalize n, int size) {
        return DataStream.of(samples).batch(size, ImageBatches.normalizing(n)).toList(7, 0);
    }

    private static void assertSameBatches(List<Batch> expected, List<Batch> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).x().shape(), actual.get(i).x().shape());
            // exact: assertArrayEquals on floats compares bit patterns, no tolerance
            assertArrayEquals(expected.get(i).x().data(), actual.get(i).x().data());
            assertArrayEquals(expected.get(i).labels(), actual.get(i).labels());
            assertEquals(expected.get(i).first(), actual.get(i).first());
        }
    }

    @Test
    void normalizingIntoTheBatchEqualsATensorPerSampleThenCollate() {
        List<Sample<Image>> samples = photos(40, 30);
        ChannelStats stats = ChannelStats.of(samples.get(1).value(), Image.PixelScale.RAW);
        for (ImageTransforms.Normalize n : List.of(ImageTransforms.Normalize.imagenet(),
                ImageTransforms.Normalize.fitted(stats, Image.PixelScale.RAW),
                new ImageTransforms.Normalize(new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0, 2}, Image.PixelScale.SYMMETRIC))) {
            List<Batch> expected = mapThenCollate(samples, n, 4);
            assertEquals(2, expected.size());
            assertSameBatches(expected, inPlace(samples, n, 4));
            assertEquals(2, expected.get(1).size()); // 4 + the smaller last batch
        }
    }

    @Test
    void grayAndSixteenBitImagesTakeTheSamePath() {
        List<Sample<Image>> gray = new ArrayList<>();
        List<Sample<Image>> deep = new ArrayList<>();
        for (Sample<Image> s : photos(33, 17)) {
            Image g = s.value().toGray();
            gray.add(s.withValue(g));
            short[] px = new short[33 * 17];
            for (int i = 0; i < px.length; i++) px[i] = (short) ((int) g.get(i / 33, i % 33, 0) * 257 + i % 7);
            deep.add(s.withValue(Image.ofShorts(33, 17, 1, px)));
        }
        ImageTransforms.Normalize n = new ImageTransforms.Normalize(new double[] {0.45}, new double[] {0.22}, Image.PixelScale.UNIT);
        assertSameBatches(mapThenCollate(gray, n, 4), inPlace(gray, n, 4));
        assertSameBatches(mapThenCollate(deep, n, 4), inPlace(deep, n, 4));
    }

    @Test
    void anImageOfAnotherSizeIsNamed() {
        List<Sample<Image>> samples = new ArrayList<>(photos(40, 30));
        Image odd = ImageOps.resize(samples.get(2).value(), 41, 30, Interpolation.AREA);
        samples.set(2, new Sample<>(2, "odd.jpg", odd, 0));
        SampleException e = assertThrows(SampleException.class, () -> ImageBatches.normalizing(ImageTransforms.Normalize.imagenet()).apply(samples));
        assertEquals("odd.jpg", e.source());
        assertTrue(e.getMessage().contains("41x30x3") && e.getMessage().contains("40x30x3"), e.getMessage());
    }

    @Test
    void applyIntoRefusesASliceTooShort() {
        Image img = photos(8, 8).getFirst().value();
        ImageTransforms.Normalize n = ImageTransforms.Normalize.imagenet();
        float[] out = new float[3 * 8 * 8 + 5];
        n.applyInto(img, out, 5);
        float[] fresh = n.apply(img, null).data();
        assertArrayEquals(fresh, java.util.Arrays.copyOfRange(out, 5, out.length));
        assertThrows(IndexOutOfBoundsException.class, () -> n.applyInto(img, out, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> n.applyInto(img, out, -1));
    }
}
