package dev.cauce.preprocess.video;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyframeSelectorTest {

    @Test
    void topKTakesTheHighestScoresOutsideEachOthersSpacing() {
        double[] s = {0, 9, 8, 1, 0, 7, 0, 0, 6, 5};
        assertArrayEquals(new int[] {1, 2, 5}, KeyframeSelector.topK(s, 3, 1));
        // Spacing 2: frame 2 is too close to 1, so 5 and 8 come next.
        assertArrayEquals(new int[] {1, 5, 8}, KeyframeSelector.topK(s, 3, 2));
        assertArrayEquals(new int[] {1, 5, 9}, KeyframeSelector.topK(s, 3, 4));
    }

    @Test
    void thresholdKeepsEveryFrameAboveIt() {
        double[] s = {0, 9, 8, 1, 0, 7, 0, 0, 6, 5};
        assertArrayEquals(new int[] {1, 2, 5, 8, 9}, KeyframeSelector.threshold(s, 5, 1));
        assertArrayEquals(new int[] {1, 5, 8}, KeyframeSelector.threshold(s, 5, 3));
        assertArrayEquals(new int[0], KeyframeSelector.threshold(s, 10, 1));
    }

    @Test
    void tiesGoToTheEarlierFrame() {
        assertArrayEquals(new int[] {0, 2}, KeyframeSelector.topK(new double[] {1, 1, 1, 1}, 2, 2));
    }

    @Test
    void spacingForAlwaysLeavesRoomForKFrames() {
        for (int count = 1; count <= 300; count += 7) {
            for (int k = 1; k <= count; k += 3) {
                double[] s = new double[count];
                for (int i = 0; i < count; i++) s[i] = Math.sin(i * 0.37) + (i % 5) * 0.1;
                int[] picked = KeyframeSelector.topK(s, k, KeyframeSelector.spacingFor(count, k));
                assertEquals(k, picked.length, "count " + count + " k " + k);
                for (int i = 1; i < picked.length; i++) assertTrue(picked[i] - picked[i - 1] >= KeyframeSelector.spacingFor(count, k));
            }
        }
    }

    @Test
    void refusesNaNAndBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> KeyframeSelector.topK(new double[] {1, Double.NaN}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> KeyframeSelector.topK(new double[] {1}, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> KeyframeSelector.topK(new double[] {1}, 1, 0));
    }
}
