package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Motion sampling picks frames by frame difference; the check measures them independently, by the
 * mean Farneback flow magnitude between each picked frame and its predecessor.
 */
class MotionSamplingTest {

    private static double meanFlowOfSelection(VideoReader r, int[] picked, int width) throws IOException {
        int[] pairs = new int[picked.length * 2];
        for (int i = 0; i < picked.length; i++) {
            int f = Math.max(1, picked[i]);
            pairs[2 * i] = f - 1;
            pairs[2 * i + 1] = f;
        }
        List<Image> frames = r.frames(pairs);
        double sum = 0;
        for (int i = 0; i < picked.length; i++) {
            Image a = Frames.shrinkToWidth(frames.get(2 * i), width);
            Image b = Frames.shrinkToWidth(frames.get(2 * i + 1), width);
            sum += FlowPreview.magnitude(OpticalFlow.farneback().compute(a, b)).mean();
        }
        return sum / picked.length;
    }

    private static double[] motionVersusUniform(Path video, int n, int width) throws IOException {
        try (VideoReader r = VideoReader.open(video)) {
            double[] scores = MotionScores.compute(r, MotionScores.Method.FRAME_DIFFERENCE, width);
            assertEquals(r.frameCount(), scores.length);
            int[] motion = KeyframeSelector.topK(scores, n, KeyframeSelector.spacingFor(scores.length, n));
            assertEquals(n, motion.length);
            int[] uniform = UniformSampler.indices(r.frameCount(), n, BeyondEnd.ERROR);
            double[] m = {meanFlowOfSelection(r, motion, width), meanFlowOfSelection(r, uniform, width)};
            System.out.printf("%s: mean flow of motion-picked frames %.3f px, uniform %.3f px%n", video.getFileName(), m[0], m[1]);
            return m;
        }
    }

    @Test
    void motionSelectionMovesMoreThanUniformOnTheBundledClip() throws IOException {
        double[] m = motionVersusUniform(TestData.sample("tree.avi"), 8, 160);
        assertTrue(m[0] > m[1], "motion-picked frames: mean flow " + m[0] + " px, uniform: " + m[1] + " px");
    }

    @Test
    void motionSelectionMovesMoreThanUniformOnVtest() throws IOException {
        Path vtest = TestData.SHARED_VIDEO.resolve("vtest.avi");
        assumeTrue(Files.exists(vtest), "vtest.avi not present");
        double[] m = motionVersusUniform(vtest, 16, 192);
        assertTrue(m[0] > m[1], "motion-picked frames: mean flow " + m[0] + " px, uniform: " + m[1] + " px");
    }

    @Test
    void motionSamplerKeepsTheTopScoresAndHandlesShortVideos() throws IOException {
        try (VideoReader r = VideoReader.open(TestData.sample("tree.avi"))) {
            int[] picked = MotionSampler.of(6, BeyondEnd.ERROR).select(r);
            double[] scores = MotionScores.compute(r, MotionScores.Method.FRAME_DIFFERENCE, 160);
            assertEquals(java.util.Arrays.toString(KeyframeSelector.topK(scores, 6, KeyframeSelector.spacingFor(68, 6))),
                    java.util.Arrays.toString(picked));
            assertEquals(68, MotionSampler.of(68, BeyondEnd.ERROR).select(r).length);
            assertEquals(67, MotionSampler.of(70, BeyondEnd.PAD_LAST).select(r)[69]);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> MotionSampler.of(70, BeyondEnd.ERROR).select(r));
        }
    }

    @Test
    void flowMagnitudeScoresAgreeWithTheirDefinition() throws IOException {
        try (VideoReader r = VideoReader.open(TestData.sample("realshort.mp4"))) {
            double[] scores = MotionScores.compute(r, MotionScores.Method.FLOW_MAGNITUDE, 80);
            List<Image> f = r.frames(new int[] {4, 5});
            double expected = FlowPreview.magnitude(OpticalFlow.farneback().compute(
                    Frames.shrinkToWidth(f.get(0).toGray(), 80), Frames.shrinkToWidth(f.get(1).toGray(), 80))).mean();
            assertEquals(expected, scores[5], 1e-9);
            assertEquals(scores[1], scores[0], 0.0);
        }
    }
}
