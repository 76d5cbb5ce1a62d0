package dev.cauce.core.simd;

import dev.cauce.core.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LaneBatchTest {

    /** The definition, one element at a time. */
    private static float[] reference(float[] signal, int first, int hop, int count, float[] window, int winOff, int frameLength) {
        int lanes = LaneBatch.lanes();
        float[] b = new float[frameLength * lanes];
        for (int f = 0; f < lanes; f++) {
            int start = first + Math.min(f, count - 1) * hop;
            for (int i = 0; i < window.length; i++) b[(winOff + i) * lanes + f] = signal[start + i] * window[i];
        }
        return b;
    }

    @Test
    void framesMatchTheDefinitionForFullAndPartialBatches() {
        int lanes = LaneBatch.lanes();
        Rng rng = Rng.of(5, 0, 0, 0);
        float[] signal = new float[40 * 64 + 1000];
        for (int i = 0; i < signal.length; i++) signal[i] = (float) rng.nextGaussian();
        // {window, winOff, frameLength, hop}: overlapping (hop divides the window or not), a shorter
        // window centred in the frame, and frames farther apart than the window (nothing to slide)
        int[][] cases = {{64, 0, 64, 16}, {64, 0, 64, 24}, {48, 8, 64, 16}, {20, 2, 24, 40}, {33, 0, 33, 1}};
        for (int[] c : cases) {
            float[] window = new float[c[0]];
            for (int i = 0; i < window.length; i++) window[i] = 0.25f + rng.nextFloat();
            for (int count : new int[] {lanes, lanes - 1, 1}) {
                for (int first : new int[] {0, 7}) {
                    float[] batch = new float[c[2] * lanes];
                    java.util.Arrays.fill(batch, Float.NaN); // rows outside the window must be written as zeros
                    LaneBatch.windowedFrames(signal, first, c[3], count, window, c[1], c[2], batch);
                    float[] want = reference(signal, first, c[3], count, window, c[1], c[2]);
                    for (int k = 0; k < want.length; k++) {
                        assertEquals(want[k], batch[k], 0f, "case " + java.util.Arrays.toString(c) + " count " + count
                                + " first " + first + ": row " + k / lanes + " lane " + k % lanes);
                    }
                }
            }
        }
    }

    @Test
    void badArgumentsAreRefused() {
        float[] batch = new float[16 * LaneBatch.lanes()];
        assertThrows(IllegalArgumentException.class, () -> LaneBatch.windowedFrames(new float[1000], 0, 4, 1, new float[16], 1, 16, batch));
        assertThrows(IllegalArgumentException.class, () -> LaneBatch.windowedFrames(new float[1000], 0, 4, 0, new float[16], 0, 16, batch));
        assertThrows(IllegalArgumentException.class,
                () -> LaneBatch.windowedFrames(new float[1000], 0, 4, LaneBatch.lanes() + 1, new float[16], 0, 16, batch));
    }
}
