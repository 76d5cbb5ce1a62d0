package dev.cauce.preprocess.image;

import dev.cauce.core.Tensor;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImageTest {

    static byte[] resource(String name) {
        try (InputStream in = ImageTest.class.getResourceAsStream("/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void decodesColourJpegAsRgb() {
        Image img = ImageCodec.decode(resource("fruits.jpg"), "fruits.jpg");
        assertEquals(512, img.width());
        assertEquals(480, img.height());
        assertEquals(3, img.channels());
        assertEquals(Image.Depth.U8, img.depth());
    }

    @Test
    void grayJpegStaysOneChannelAndExpandsToEqualRgb() {
        Image gray = ImageCodec.decode(resource("left01.jpg"), "left01.jpg");
        assertEquals(1, gray.channels());
        Image rgb = gray.toRgb();
        assertEquals(3, rgb.channels());
        for (int y = 0; y < rgb.height(); y += 37) {
            for (int x = 0; x < rgb.width(); x += 41) {
                double v = gray.get(y, x, 0);
                assertEquals(v, rgb.get(y, x, 0));
                assertEquals(v, rgb.get(y, x, 2));
            }
        }
    }

    @Test
    void tensorIsChwAndScaled() {
        byte[] px = {0, (byte) 128, (byte) 255, 10, 20, 30};
        Image img = Image.ofBytes(2, 1, 3, px);
        Tensor t = img.toTensor(Image.PixelScale.UNIT);
        assertArrayEquals(new int[] {3, 1, 2}, t.shape());
        assertArrayEquals(new float[] {0f, 10 / 255f, 128 / 255f, 20 / 255f, 1f, 30 / 255f}, t.data(), 1e-7f);
        Tensor s = img.toTensor(Image.PixelScale.SYMMETRIC);
        assertEquals(-1f, s.data()[0], 1e-7f);
        assertEquals(1f, s.data()[4], 1e-7f);
        assertEquals(img, Image.fromTensor(s, Image.PixelScale.SYMMETRIC));
        assertEquals(img, Image.fromTensor(img.toTensor(), Image.PixelScale.RAW));
    }

    @Test
    void matRoundTripsInBothChannelOrders() {
        Image img = ImageCodec.decode(resource("fruits.jpg"), "fruits.jpg");
        try (Mat rgb = img.toMat(); Mat bgr = img.toBgrMat()) {
            assertEquals(img, Image.fromMat(rgb));
            assertEquals(img, Image.fromBgrMat(bgr));
            // channel 0 of the BGR Mat is blue
            assertEquals(img.get(7, 9, 2), bgr.ptr(7, 9).get(0) & 0xFF);
        }
    }

    @Test
    void depthConversionKeepsFullIntensity() {
        Image img = Image.ofBytes(1, 1, 1, new byte[] {(byte) 255});
        assertEquals(65535.0, img.toDepth(Image.Depth.U16).get(0, 0, 0));
        assertEquals(1.0, img.toDepth(Image.Depth.F32).get(0, 0, 0));
    }

    @Test
    void constructorsValidate() {
        assertThrows(IllegalArgumentException.class, () -> Image.allocate(0, 3, 3, Image.Depth.U8));
        assertThrows(IllegalArgumentException.class, () -> Image.allocate(3, 3, 2, Image.Depth.U8));
        assertThrows(IllegalArgumentException.class, () -> Image.ofBytes(2, 2, 3, new byte[5]));
    }
}
