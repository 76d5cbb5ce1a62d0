package dev.cauce.core.simd;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The vector loops equal their scalar definitions bit for bit, across tails and pixel sizes. */
class PixelOpsTest {

    static byte[] noise(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Test
    void mirrorRowReversesPixelsForEveryPixelSize() {
        for (int ps = 1; ps <= 16; ps++) {
            for (int width : new int[] {1, 2, 5, 6, 17, 33, 256}) {
                int off = 7;
                byte[] src = noise(off + width * ps + 5, ps * 1000L + width);
                byte[] dst = new byte[src.length];
                PixelOps.mirrorRow(src, dst, off, width, ps);
                byte[] expected = new byte[src.length];
                for (int x = 0; x < width; x++) System.arraycopy(src, off + (width - 1 - x) * ps, expected, off + x * ps, ps);
                assertArrayEquals(expected, dst, "pixel " + ps + " bytes, width " + width);
            }
        }
    }

    @Test
    void u8ToPlanesEqualsScalarFormula() {
        float[] mul = {1 / 255f / 0.229f, 1 / 255f / 0.224f, 1 / 255f / 0.225f, 0.5f};
        float[] add = {-0.485f / 0.229f, -0.456f / 0.224f, -0.406f / 0.225f, -3f};
        for (int c = 1; c <= 4; c++) {
            for (int pixels : new int[] {1, 15, 16, 17, 47, 65536 + 3}) {
                byte[] hwc = noise(pixels * c, pixels * 10L + c);
                float[] out = new float[pixels * c];
                PixelOps.u8ToPlanes(hwc, pixels, c, mul, add, out);
                float[] expected = new float[pixels * c];
                for (int i = 0; i < pixels; i++) {
                    for (int ch = 0; ch < c; ch++) expected[ch * pixels + i] = (hwc[i * c + ch] & 0xFF) * mul[ch] + add[ch];
                }
                assertArrayEquals(expected, out, c + " channels, " + pixels + " pixels");
            }
        }
    }

    @Test
    void u8ToPlanesFromASegmentSwapsFirstAndThirdAndEqualsScalarFormula() {
        float[] mul = {1 / 255f / 0.229f, 1 / 255f / 0.224f, 1 / 255f / 0.225f, 0.5f};
        float[] add = {-0.485f / 0.229f, -0.456f / 0.224f, -0.406f / 0.225f, -3f};
        try (Arena arena = Arena.ofConfined()) {
            for (int c = 1; c <= 4; c++) {
                // sizes around the vector width and the 4096-pixel chunk the segment is copied in
                for (int pixels : new int[] {1, 15, 16, 17, 47, 4095, 4096, 4097, 3 * 4096 + 21}) {
                    for (boolean swap : new boolean[] {false, true}) {
                        byte[] hwc = noise(pixels * c, pixels * 10L + c);
                        MemorySegment native_ = arena.allocate(hwc.length);
                        MemorySegment.copy(hwc, 0, native_, ValueLayout.JAVA_BYTE, 0, hwc.length);
                        float[] out = new float[pixels * c];
                        PixelOps.u8ToPlanes(native_, pixels, c, swap, mul, add, out);
                        float[] expected = new float[pixels * c];
                        for (int i = 0; i < pixels; i++) {
                            for (int ch = 0; ch < c; ch++) {
                                int plane = swap && c >= 3 && ch != 1 && ch != 3 ? 2 - ch : ch;
                                expected[plane * pixels + i] = (hwc[i * c + ch] & 0xFF) * mul[plane] + add[plane];
                            }
                        }
                        assertArrayEquals(expected, out, c + " channels, " + pixels + " pixels, swap " + swap);
                    }
                }
            }
        }
    }

    @Test
    void u8ToPlanesRefusesASegmentShorterThanThePixels() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment short_ = arena.allocate(47);
            assertThrows(IndexOutOfBoundsException.class,
                    () -> PixelOps.u8ToPlanes(short_, 16, 3, true, new float[3], new float[3], new float[48]));
        }
    }
}
