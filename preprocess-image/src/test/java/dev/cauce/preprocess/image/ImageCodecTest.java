package dev.cauce.preprocess.image;

import dev.cauce.core.SampleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Formats, depths, channel layouts and bad input, made from the real sample photos in a temp dir. */
class ImageCodecTest {

    private static final Image FRUITS = ImageCodec.decode(ImageTest.resource("fruits.jpg"), "fruits.jpg");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "bmp", "tiff", "webp"})
    void losslessFormatsRoundTripExactly(String ext) throws IOException {
        Image small = ImageOps.resize(FRUITS, 64, 60, Interpolation.AREA);
        Path f = dir.resolve("fruits." + ext);
        ImageCodec.write(small, f);
        Image back = ImageCodec.decode(f);
        if (ext.equals("webp")) {
            // OpenCV writes WebP lossy at default quality: close, not exact
            assertTrue(GoldenNpy.maxAbsDiff(small, back) < 60);
        } else {
            assertEquals(small, back);
        }
    }

    @Test
    void jpegRoundTripIsClose() {
        byte[] jpg = ImageCodec.encode(FRUITS, "jpg");
        assertEquals("JPEG", ImageCodec.sniffFormat(jpg));
        Image back = ImageCodec.decode(jpg, "mem.jpg");
        assertEquals(FRUITS.width(), back.width());
        long sum = 0;
        byte[] a = FRUITS.toBytes(), b = back.toBytes();
        for (int i = 0; i < a.length; i++) sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        assertTrue((double) sum / a.length < 3);
    }

    @Test
    void sixteenBitPngKeepsItsDepth() throws IOException {
        Image wide = FRUITS.toDepth(Image.Depth.U16);
        Path f = dir.resolve("wide.png");
        ImageCodec.write(wide, f);
        Image back = ImageCodec.decode(f);
        assertEquals(Image.Depth.U16, back.depth());
        assertEquals(3, back.channels());
        assertEquals(wide, back);
        assertEquals(FRUITS.get(10, 20, 1) * 257, back.get(10, 20, 1));
        org.junit.jupiter.api.Assertions.assertArrayEquals(FRUITS.toTensor(Image.PixelScale.UNIT).data(),
                back.toTensor(Image.PixelScale.UNIT).data(), 1e-6f);
    }

    @Test
    void grayAndRgbaKeepTheirChannels() throws IOException {
        Image gray = FRUITS.toGray();
        Path g = dir.resolve("gray.png");
        ImageCodec.write(gray, g);
        assertEquals(gray, ImageCodec.decode(g));

        byte[] rgb = FRUITS.toBytes();
        byte[] rgba = new byte[FRUITS.width() * FRUITS.height() * 4];
        for (int i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
            rgba[j] = rgb[i];
            rgba[j + 1] = rgb[i + 1];
            rgba[j + 2] = rgb[i + 2];
            rgba[j + 3] = (byte) (i % 256);
        }
        Image withAlpha = Image.ofBytes(FRUITS.width(), FRUITS.height(), 4, rgba);
        Path a = dir.resolve("alpha.png");
        ImageCodec.write(withAlpha, a);
        Image back = ImageCodec.decode(a);
        assertEquals(4, back.channels());
        assertEquals(withAlpha, back);
        // red stays red: channel 0 is R after decode
        assertEquals(FRUITS.get(100, 100, 0), back.get(100, 100, 0));
    }

    /**
     * The fused decode equals decode, toRgb, toTensor bit for bit: colour JPEG and PNG, gray JPEG
     * (replicated into three planes), every scale; and the files it hands to the general path
     * (alpha, 16-bit) too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"fruits.jpg", "left01.jpg", "smarties.png"})
    void decodeToTensorEqualsDecodeThenTensor(String name) {
        byte[] file = ImageTest.resource(name);
        for (Image.PixelScale scale : Image.PixelScale.values()) {
            assertTensorBits(ImageCodec.decode(file, name).toRgb().toTensor(scale), ImageCodec.decodeToTensor(file, name, scale));
        }
    }

    @Test
    void decodeToTensorOfOtherFormatsEqualsDecodeThenTensor() {
        Image small = ImageOps.crop(FRUITS, 150, 120, 37, 29); // a colourful patch: a red-blue swap shows
        byte[] rgb = small.toBytes();
        byte[] rgba = new byte[37 * 29 * 4];
        for (int i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
            System.arraycopy(rgb, i, rgba, j, 3);
            rgba[j + 3] = (byte) (i % 251);
        }
        byte[] alphaPng = ImageCodec.encode(Image.ofBytes(37, 29, 4, rgba), "png");
        byte[] widePng = ImageCodec.encode(small.toDepth(Image.Depth.U16), "png");
        // WebP (OpenCV writes lossless VP8L, which may carry alpha), BMP and TIFF: the general path
        for (byte[] file : new byte[][] {alphaPng, widePng, ImageCodec.encode(small, "webp"), ImageCodec.encode(small, "bmp"),
                ImageCodec.encode(small, "tiff")}) {
            assertTensorBits(ImageCodec.decode(file, "x.png").toRgb().toTensor(Image.PixelScale.UNIT),
                    ImageCodec.decodeToTensor(file, "x.png", Image.PixelScale.UNIT));
        }
    }

    @Test
    void decodeToTensorRefusesBadInputLikeDecode() {
        SampleException e = assertThrows(SampleException.class,
                () -> ImageCodec.decodeToTensor("not an image".getBytes(StandardCharsets.US_ASCII), "notes.jpg", Image.PixelScale.UNIT));
        assertTrue(e.getMessage().contains("notes.jpg"), e.getMessage());
        byte[] jpg = ImageTest.resource("fruits.jpg");
        SampleException cut = assertThrows(SampleException.class,
                () -> ImageCodec.decodeToTensor(Arrays.copyOf(jpg, 200), "cut.jpg", Image.PixelScale.UNIT));
        assertTrue(cut.getMessage().contains("cut.jpg"), cut.getMessage());
    }

    private static void assertTensorBits(dev.cauce.core.Tensor expected, dev.cauce.core.Tensor actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.shape(), actual.shape());
        float[] e = expected.data(), a = actual.data();
        for (int i = 0; i < e.length; i++) {
            if (Float.floatToRawIntBits(e[i]) != Float.floatToRawIntBits(a[i])) {
                throw new AssertionError("value " + i + " differs: " + e[i] + " vs " + a[i]);
            }
        }
    }

    @Test
    void exifOrientationIsApplied() {
        byte[] jpg = ImageTest.resource("fruits.jpg");
        // an APP1 Exif segment with one IFD0 entry: Orientation (0x0112) = 6, "rotate 90 clockwise to display"
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0};
        byte[] exifId = {'E', 'x', 'i', 'f', 0, 0};
        int len = 2 + exifId.length + tiff.length;
        byte[] rotated = new byte[jpg.length + 2 + len];
        rotated[0] = (byte) 0xFF;
        rotated[1] = (byte) 0xD8;
        rotated[2] = (byte) 0xFF;
        rotated[3] = (byte) 0xE1;
        rotated[4] = (byte) (len >> 8);
        rotated[5] = (byte) len;
        System.arraycopy(exifId, 0, rotated, 6, exifId.length);
        System.arraycopy(tiff, 0, rotated, 6 + exifId.length, tiff.length);
        System.arraycopy(jpg, 2, rotated, 4 + len, jpg.length - 2);
        Image upright = ImageCodec.decode(rotated, "rotated.jpg");
        assertEquals(FRUITS.height(), upright.width());
        assertEquals(FRUITS.width(), upright.height());
        assertEquals(ImageOps.rotate90(FRUITS, -1), upright);
    }

    @Test
    void onePixelImageDecodes() throws IOException {
        Image one = ImageOps.crop(FRUITS, 100, 100, 1, 1);
        Path f = dir.resolve("one.png");
        ImageCodec.write(one, f);
        Image back = ImageCodec.decode(f);
        assertEquals(1, back.width());
        assertEquals(1, back.height());
        assertEquals(one, back);
    }

    @Test
    void badInputIsRefusedWithTheFileNameAndTheProblem() throws IOException {
        byte[] jpg = ImageTest.resource("fruits.jpg");
        Path truncated = dir.resolve("truncated.jpg");
        Files.write(truncated, Arrays.copyOf(jpg, 200));
        Path empty = dir.resolve("empty.jpg");
        Files.write(empty, new byte[0]);
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "this is not a picture\n", StandardCharsets.UTF_8);

        SampleException e1 = assertThrows(SampleException.class, () -> ImageCodec.decode(truncated));
        assertTrue(e1.getMessage().startsWith(truncated.toString()), e1.getMessage());
        assertTrue(e1.problem().contains("corrupt or truncated"), e1.getMessage());
        SampleException e2 = assertThrows(SampleException.class, () -> ImageCodec.decode(empty));
        assertTrue(e2.problem().contains("0 bytes"), e2.getMessage());
        SampleException e3 = assertThrows(SampleException.class, () -> ImageCodec.decode(text));
        assertTrue(e3.problem().contains("unrecognized signature"), e3.getMessage());
        SampleException e4 = assertThrows(SampleException.class, () -> ImageCodec.decode(dir.resolve("missing.jpg")));
        assertTrue(e4.problem().contains("cannot read"), e4.getMessage());
    }

    @Test
    void writeLeavesNoTemporaryFiles() throws IOException {
        ImageCodec.write(FRUITS, dir.resolve("out.png"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        assertThrows(IllegalArgumentException.class, () -> ImageCodec.write(FRUITS.toDepth(Image.Depth.U16), dir.resolve("x.jpg")));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
