package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;

/**
 * Clips of {@code length} frames taken every {@code frameStride} frames, so one clip spans
 * {@code (length−1)·frameStride + 1} decodable frames. In training each clip starts at a random
 * frame drawn from the {@link Rng}; in evaluation the {@code clips} starts are spread evenly from the
 * first possible start to the last (one clip: the centred one).
 *
 * <p>When the span is longer than the video the {@link BeyondEnd} policy decides: an error, or the
 * clip starts at frame 0 and positions past the end repeat the last frame.
 *
 * @param length      frames per clip, at least 1
 * @param frameStride step between a clip's frames, at least 1
 * @param clips       clips per video, at least 1
 * @param training    random starts when true, evenly spread starts when false
 * @param beyondEnd   what to do when a clip does not fit in the video
 */
public record ClipSampler(int length, int frameStride, int clips, boolean training, BeyondEnd beyondEnd) {

    public ClipSampler {
        if (length < 1) throw new IllegalArgumentException("length must be >= 1, got " + length);
        if (frameStride < 1) throw new IllegalArgumentException("frameStride must be >= 1, got " + frameStride);
        if (clips < 1) throw new IllegalArgumentException("clips must be >= 1, got " + clips);
        if (beyondEnd == null) throw new IllegalArgumentException("beyondEnd must not be null");
    }

    /** Frames one clip covers, first to last inclusive. */
    public int span() {
        return Math.toIntExact((long) (length - 1) * frameStride + 1);
    }

    /** {@code clips} rows of {@code length} frame indices each. */
    public int[][] select(FrameTimeline timeline, Rng rng) {
        int k = timeline.count();
        beyondEnd.check(span(), k, "clip of " + length + " frames every " + frameStride);
        int lastStart = Math.max(0, k - span());
        int[][] out = new int[clips][length];
        for (int c = 0; c < clips; c++) {
            int start;
            if (training) {
                start = rng.nextInt(lastStart + 1);
            } else if (clips == 1) {
                start = lastStart / 2;
            } else {
                start = (int) ((2L * c * lastStart + (clips - 1)) / (2L * (clips - 1)));
            }
            for (int j = 0; j < length; j++) out[c][j] = Math.min(start + j * frameStride, k - 1);
        }
        return out;
    }
}
