package dev.cauce.preprocess.video;

import dev.cauce.core.Tensor;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.preprocess.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OpticalFlowTest {
    private static Image frame;

    @BeforeAll
    static void readFrame() throws IOException {
        try (VideoReader r = VideoReader.open(TestData.sample("realshort.mp4"))) {
            frame = r.frame(10);
        }
    }

    /** {@code img} moved by (dx, dy) whole pixels; uncovered pixels repeat the border. */
    private static Image shifted(Image img, int dx, int dy) {
        int w = img.width();
        int h = img.height();
        int c = img.channels();
        byte[] src = img.toBytes();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            int sy = Math.clamp(y - dy, 0, h - 1);
            for (int x = 0; x < w; x++) {
                int sx = Math.clamp(x - dx, 0, w - 1);
                System.arraycopy(src, (sy * w + sx) * c, out, (y * w + x) * c, c);
            }
        }
        return Image.ofBytes(w, h, c, out);
    }

    private static double interiorMedian(Tensor flow, int channel, int margin) {
        int h = flow.dim(1);
        int w = flow.dim(2);
        float[] d = flow.data();
        double[] v = new double[(h - 2 * margin) * (w - 2 * margin)];
        int n = 0;
        for (int y = margin; y < h - margin; y++) {
            for (int x = margin; x < w - margin; x++) v[n++] = d[channel * h * w + y * w + x];
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }

    @Test
    void farnebackAndDisRecoverAKnownShift() {
        Image moved = shifted(frame, 3, -2);
        for (OpticalFlow method : new OpticalFlow[] {OpticalFlow.farneback(), OpticalFlow.dis(OpticalFlow.Dis.Preset.MEDIUM)}) {
            Tensor flow = method.compute(frame, moved);
            assertArrayEquals(new int[] {2, frame.height(), frame.width()}, flow.shape());
            assertEquals(3.0, interiorMedian(flow, 0, 16), 0.25, method.describe() + " dx");
            assertEquals(-2.0, interiorMedian(flow, 1, 16), 0.25, method.describe() + " dy");
        }
    }

    @Test
    void identicalFramesHaveNoFlow() {
        // OpenCV's Farneback leaves small residues at the right border even for identical frames
        // (cv2 4.6 too: mean 6e-4 px on this frame), so the check is on the mean and the interior.
        Tensor flow = OpticalFlow.farneback().compute(frame, frame);
        assertEquals(0.0, FlowPreview.magnitude(flow).mean(), 1e-3);
        assertEquals(0.0, interiorMedian(flow, 0, 16), 1e-6);
        assertEquals(0.0, interiorMedian(flow, 1, 16), 1e-6);
    }

    @Test
    void farnebackEqualsTheOpenCvPythonGolden() throws IOException {
        Path g = TestData.SHARED_GOLDEN;
        assumeTrue(Files.exists(g.resolve("vtest_flow_100_101_f16.npy")), "shared flow golden not present");
        NdArray a = Npy.read(g.resolve("vtest_f100_gray.npy"));
        NdArray b = Npy.read(g.resolve("vtest_f101_gray.npy"));
        Image prev = Image.ofBytes(768, 576, 1, a.data());
        Image next = Image.ofBytes(768, 576, 1, b.data());
        Tensor flow = OpticalFlow.farneback().compute(prev, next);
        float[] golden = Npy.read(g.resolve("vtest_flow_100_101_f16.npy")).toFloats(); // (576, 768, 2)
        float[] d = flow.data();
        int plane = 576 * 768;
        double maxErr = 0;
        for (int i = 0; i < plane; i++) {
            maxErr = Math.max(maxErr, Math.abs(d[i] - golden[2 * i]));
            maxErr = Math.max(maxErr, Math.abs(d[plane + i] - golden[2 * i + 1]));
        }
        assertEquals(0, maxErr, 2e-3, "max abs difference to the float16 golden");
    }

    @Test
    void colourWheelShowsDirectionAsHueAndSpeedAsBrightness() {
        // Four pixels: still, right, down, left; right is red, left is cyan, still is black.
        float[] d = {0, 2, 0, -2, /* dy */ 0, 0, 2, 0};
        Image img = FlowPreview.colourWheel(Tensor.of(d, 2, 1, 4));
        assertEquals(4, img.width());
        assertArrayEquals(new double[] {0, 0, 0}, px(img, 0));
        assertArrayEquals(new double[] {255, 0, 0}, px(img, 1));
        assertArrayEquals(new double[] {0, 255, 255}, px(img, 3));
        double[] down = px(img, 2); // 90 degrees: between yellow-green and green
        assertEquals(0, down[2], 0.0);
        assertEquals(255, down[1], 0.0);
        Image dim = FlowPreview.colourWheel(Tensor.of(d, 2, 1, 4), 4.0);
        assertEquals(128, px(dim, 1)[0], 1.0);
        assertThrows(IllegalArgumentException.class, () -> FlowPreview.colourWheel(Tensor.zeros(3, 2, 2)));
    }

    private static double[] px(Image img, int x) {
        return new double[] {img.get(0, x, 0), img.get(0, x, 1), img.get(0, x, 2)};
    }
}
