package dev.cauce.preprocess.image;

import dev.cauce.core.ErrorPolicy;
import dev.cauce.core.ErrorReport;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalizeAndFolderTest {

    private static final Image FRUITS = ImageCodec.decode(ImageTest.resource("fruits.jpg"), "fruits.jpg");
    private static final Image SMARTIES = ImageCodec.decode(ImageTest.resource("smarties.png"), "smarties.png");

    @Test
    void normalizeIsScaleThenStandardizePerChannel() {
        ImageTransforms.Normalize n = ImageTransforms.Normalize.imagenet();
        Tensor t = n.apply(FRUITS, null);
        assertArrayEquals(new int[] {3, 480, 512}, t.shape());
        double[] mean = {0.485, 0.456, 0.406}, std = {0.229, 0.224, 0.225};
        for (int c = 0; c < 3; c++) {
            for (int[] yx : new int[][] {{0, 0}, {100, 200}, {479, 511}}) {
                double expected = (FRUITS.get(yx[0], yx[1], c) / 255.0 - mean[c]) / std[c];
                assertEquals(expected, t.get(c, yx[0], yx[1]), 1e-5);
            }
        }
        assertEquals("normalize", n.spec().name());
    }

    @Test
    void fittedStandardizationGivesZeroMeanUnitStd() {
        ChannelStats stats = ChannelStats.of(FRUITS, Image.PixelScale.UNIT);
        Tensor t = ImageTransforms.Normalize.fitted(stats, Image.PixelScale.UNIT).apply(FRUITS, null);
        ChannelStats after = ChannelStats.of(Image.ofFloats(512, 480, 3, hwc(t)), Image.PixelScale.RAW);
        for (int c = 0; c < 3; c++) {
            assertEquals(0, after.mean()[c], 1e-5);
            assertEquals(1, after.std()[c], 1e-5);
        }
    }

    @Test
    void mergedStatisticsEqualStatisticsOfTheUnion() {
        Image a = ImageOps.crop(FRUITS, 0, 0, 512, 200);
        Image b = ImageOps.crop(FRUITS, 0, 200, 512, 280);
        ChannelStats whole = ChannelStats.of(FRUITS, Image.PixelScale.RAW);
        ChannelStats merged = ChannelStats.empty(3).merge(ChannelStats.of(a, Image.PixelScale.RAW)).merge(ChannelStats.of(b, Image.PixelScale.RAW));
        assertEquals(whole.count(), merged.count());
        for (int c = 0; c < 3; c++) {
            assertEquals(whole.mean()[c], merged.mean()[c], 1e-9);
            assertEquals(whole.std()[c], merged.std()[c], 1e-9);
            assertEquals(whole.min()[c], merged.min()[c]);
            assertEquals(whole.max()[c], merged.max()[c]);
        }
    }

    @Test
    void minMaxAndUnitNormHandleConstantInput() {
        Image flat = Image.ofBytes(2, 2, 1, new byte[] {7, 7, 7, 7});
        ChannelStats s = ChannelStats.of(flat, Image.PixelScale.RAW);
        Tensor mm = ImageTransforms.MinMax.fitted(s).apply(flat, null);
        assertArrayEquals(new float[4], mm.data());
        Tensor scaled = ImageTransforms.MinMax.fitted(ChannelStats.of(FRUITS, Image.PixelScale.RAW)).apply(FRUITS, null);
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float v : scaled.data()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        assertEquals(0f, lo, 1e-6f);
        assertEquals(1f, hi, 1e-6f);
        Tensor zero = new ImageTransforms.UnitNorm().apply(Tensor.zeros(3), null);
        assertArrayEquals(new float[3], zero.data());
        Tensor u = new ImageTransforms.UnitNorm().apply(Tensor.of(new float[] {3, 4}, 2), null);
        assertArrayEquals(new float[] {0.6f, 0.8f}, u.data(), 1e-7f);
    }

    @Test
    void folderGivesSortedClassesLabelsAndReportsBrokenFiles(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("zebra"));
        Files.createDirectories(root.resolve("apple"));
        ImageCodec.write(FRUITS, root.resolve("zebra/b.png"));
        ImageCodec.write(SMARTIES, root.resolve("zebra/a.jpg"));
        ImageCodec.write(SMARTIES, root.resolve("apple/x.bmp"));
        Files.writeString(root.resolve("apple/broken.jpg"), "not an image");
        Files.writeString(root.resolve("apple/readme.txt"), "ignored");
        ImageFolder folder = ImageFolder.scan(root);
        assertEquals(List.of("apple", "zebra"), folder.classes());
        assertEquals(4, folder.size());
        assertEquals(List.of(0, 0, 1, 1), folder.files().stream().map(Sample::label).toList());
        assertTrue(folder.files().get(2).source().endsWith("a.jpg"));
        ErrorReport report = new ErrorReport();
        List<Sample<Image>> images = new java.util.ArrayList<>();
        try (var cursor = folder.images().open(1, 0, ErrorPolicy.SKIP, report)) {
            cursor.forEachRemaining(images::add);
        }
        assertEquals(3, images.size());
        assertEquals(1, report.count());
        assertTrue(report.failures().getFirst().source().endsWith("broken.jpg"));
    }

    private static float[] hwc(Tensor chw) {
        int c = chw.dim(0), h = chw.dim(1), w = chw.dim(2);
        float[] out = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) for (int i = 0; i < h * w; i++) out[i * c + ch] = chw.data()[ch * h * w + i];
        return out;
    }
}
