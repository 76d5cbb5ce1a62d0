package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;
import dev.cauce.preprocess.image.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {
    private static final Rng RNG = Rng.of(7, 0, 0, 0);

    @Test
    void uniformIndicesAreRoundedEvenSpacingWithFirstAndLast() {
        for (int k = 1; k <= 120; k++) {
            for (int n = 2; n <= k; n++) {
                int[] idx = UniformSampler.indices(k, n, BeyondEnd.ERROR);
                assertEquals(n, idx.length);
                for (int i = 0; i < n; i++) {
                    assertEquals(Math.round(i * (k - 1) / (double) (n - 1)), idx[i], "K=" + k + " N=" + n + " i=" + i);
                }
                assertEquals(0, idx[0]);
                assertEquals(k - 1, idx[n - 1]);
            }
        }
        assertArrayEquals(new int[] {0, 4, 9, 13, 18, 22, 27, 31, 36, 40, 45, 49, 54, 58, 63, 67},
                new UniformSampler(16, BeyondEnd.ERROR).select(FrameTimeline.regular(68, 15), RNG));
    }

    @Test
    void uniformOnTheLyingHeaderUsesDecodableFrames() throws IOException {
        try (VideoReader r = VideoReader.open(TestData.sample("tree.avi"))) {
            int[] idx = new UniformSampler(8, BeyondEnd.ERROR).select(r.timeline(), RNG);
            assertEquals(67, idx[7]); // the last decodable frame, not 443
            assertEquals(8, r.frames(idx).size());
        }
    }

    @Test
    void oneFrameVideoGivesItsFrame(@TempDir Path dir) throws Exception {
        Image only;
        try (VideoReader r = VideoReader.open(TestData.sample("realshort.mp4"))) {
            only = r.frame(12);
        }
        Path video = LosslessVideo.write(dir.resolve("one.mkv"), List.of(only), 25);
        try (VideoReader r = VideoReader.open(video)) {
            FrameTimeline t = r.timeline();
            assertEquals(1, t.count());
            int[] one = new UniformSampler(1, BeyondEnd.ERROR).select(t, RNG);
            assertArrayEquals(new int[] {0}, one);
            assertEquals(List.of(only), r.frames(one));
            assertEquals(List.of(only, only, only), r.frames(new UniformSampler(3, BeyondEnd.PAD_LAST).select(t, RNG)));
            assertArrayEquals(new int[] {0}, new SegmentSampler(1, true, BeyondEnd.ERROR).select(t, RNG));
            assertArrayEquals(new int[] {0}, new FpsSampler(10, 0).select(t, RNG));
            assertThrows(IllegalArgumentException.class, () -> new UniformSampler(2, BeyondEnd.ERROR).select(t, RNG));
        }
    }

    @Test
    void beyondTheEndIsAnErrorOrPaddingAsChosen() {
        FrameTimeline five = FrameTimeline.regular(5, 25);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UniformSampler(8, BeyondEnd.ERROR).select(five, RNG));
        assertTrue(e.getMessage().contains("8") && e.getMessage().contains("5"), e.getMessage());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4, 4, 4}, new UniformSampler(8, BeyondEnd.PAD_LAST).select(five, RNG));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4}, new SegmentSampler(6, false, BeyondEnd.PAD_LAST).select(five, RNG));
        assertThrows(IllegalArgumentException.class, () -> new SegmentSampler(6, true, BeyondEnd.ERROR).select(five, RNG));
        assertArrayEquals(new int[] {1, 3, 3, 3}, new StrideSampler(1, 2, 4, BeyondEnd.PAD_LAST).select(five, RNG));
        assertThrows(IllegalArgumentException.class, () -> new StrideSampler(1, 2, 4, BeyondEnd.ERROR).select(five, RNG));
        assertArrayEquals(new int[][] {{0, 2, 4, 4}}, new ClipSampler(4, 2, 1, false, BeyondEnd.PAD_LAST).select(five, RNG));
        assertThrows(IllegalArgumentException.class, () -> new ClipSampler(4, 2, 1, true, BeyondEnd.ERROR).select(five, RNG));
        assertThrows(IllegalArgumentException.class,
                () -> new UniformSampler(3, BeyondEnd.PAD_LAST).select(FrameTimeline.regular(0, 25), RNG));
    }

    @Test
    void segmentSamplerTakesCentresInEvaluationAndOneRandomFramePerSegmentInTraining() {
        FrameTimeline t = FrameTimeline.regular(100, 25);
        assertArrayEquals(new int[] {10, 30, 50, 70, 90}, new SegmentSampler(5, false, BeyondEnd.ERROR).select(t, RNG));
        SegmentSampler train = new SegmentSampler(5, true, BeyondEnd.ERROR);
        boolean differs = false;
        for (int s = 0; s < 50; s++) {
            int[] idx = train.select(t, Rng.of(1, 0, s, 0));
            for (int i = 0; i < 5; i++) assertTrue(idx[i] >= 20 * i && idx[i] < 20 * (i + 1), "segment " + i + ": " + idx[i]);
            assertArrayEquals(idx, train.select(t, Rng.of(1, 0, s, 0)), "same key, same frames");
            differs |= !java.util.Arrays.equals(idx, train.select(t, Rng.of(1, 1, s, 0)));
        }
        assertTrue(differs, "another epoch draws other frames");
        // Uneven segments: 10 frames in 3 segments are [0,3) [3,6) [6,10).
        assertArrayEquals(new int[] {1, 5, 8}, new SegmentSampler(3, false, BeyondEnd.ERROR).select(FrameTimeline.regular(10, 25), RNG));
    }

    @Test
    void strideAndFpsSamplers() throws IOException {
        FrameTimeline t = FrameTimeline.regular(10, 30);
        assertArrayEquals(new int[] {2, 5, 8}, new StrideSampler(2, 3, 0, BeyondEnd.ERROR).select(t, RNG));
        assertArrayEquals(new int[] {0, 3}, new StrideSampler(0, 3, 2, BeyondEnd.ERROR).select(t, RNG));
        // 30 fps to 10 fps keeps every third frame; to 60 fps repeats each frame.
        assertArrayEquals(new int[] {0, 3, 6, 9}, new FpsSampler(10, 0).select(t, RNG));
        assertArrayEquals(new int[] {0, 0, 1, 1, 2}, new FpsSampler(60, 5).select(t, RNG));
        try (VideoReader r = VideoReader.open(TestData.sample("tree.avi"))) {
            // tree.avi: 68 frames over 29.6 s. One frame per second follows the real timestamps.
            FrameTimeline tree = r.timeline();
            int[] idx = new FpsSampler(1, 0).select(tree, RNG);
            assertEquals(30, idx.length);
            for (int j = 0; j < idx.length; j++) {
                long at = j * 1_000_000L;
                assertTrue(tree.timestampMicros(idx[j]) <= at, "frame shown at " + j + " s starts before it");
                assertTrue(idx[j] == tree.count() - 1 || tree.timestampMicros(idx[j] + 1) > at, "and is the last one that does");
            }
        }
    }

    @Test
    void clipSamplerSpreadsEvaluationClipsAndDrawsTrainingStarts() {
        FrameTimeline t = FrameTimeline.regular(50, 25);
        ClipSampler eval = new ClipSampler(4, 2, 3, false, BeyondEnd.ERROR);
        assertEquals(7, eval.span());
        int[][] clips = eval.select(t, RNG);
        assertArrayEquals(new int[] {0, 2, 4, 6}, clips[0]);
        assertArrayEquals(new int[] {22, 24, 26, 28}, clips[1]);
        assertArrayEquals(new int[] {43, 45, 47, 49}, clips[2]);
        ClipSampler train = new ClipSampler(8, 1, 2, true, BeyondEnd.ERROR);
        for (int s = 0; s < 30; s++) {
            for (int[] c : train.select(t, Rng.of(3, 0, s, 0))) {
                assertTrue(c[0] >= 0 && c[7] <= 49);
                for (int j = 1; j < 8; j++) assertEquals(c[0] + j, c[j]);
            }
        }
    }

    @Test
    void timelineRepairsOutOfOrderStampsAndFindsFramesByTime() {
        FrameTimeline t = FrameTimeline.repaired(new long[] {0, 40_000, 80_000, 0}, 25);
        assertArrayEquals(new long[] {0, 40_000, 80_000, 120_000}, t.timestampsMicros());
        assertEquals(2, t.indexAt(119_999));
        assertEquals(3, t.indexAt(120_000));
        assertEquals(0, t.indexAt(-5));
        assertEquals(160_000, t.durationMicros());
    }
}
