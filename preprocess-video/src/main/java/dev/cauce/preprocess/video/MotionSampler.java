package dev.cauce.preprocess.video;

import java.io.IOException;
import java.util.Objects;

/**
 * Motion-based sampling: scores every decodable frame by how much it moves ({@link MotionScores})
 * and keeps the {@code frames} highest-scoring ones, pairwise at least {@code minSpacing} frames
 * apart ({@link KeyframeSelector#topK}), in frame order. It needs the pixels, so unlike the
 * {@link FrameSampler}s it reads the video itself (one extra decoding pass).
 *
 * @param frames        how many frames to keep, at least 1
 * @param method        what a motion score measures
 * @param analysisWidth width frames are shrunk to for scoring (0 = full size)
 * @param minSpacing    minimum distance between kept frames, or 0 for the largest spacing that
 *                      always leaves room for {@code frames} picks ({@link KeyframeSelector#spacingFor})
 * @param beyondEnd     what to do when the video has fewer frames than asked
 */
public record MotionSampler(int frames, MotionScores.Method method, int analysisWidth, int minSpacing, BeyondEnd beyondEnd) {

    public MotionSampler {
        if (frames < 1) throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        Objects.requireNonNull(method, "method");
        if (analysisWidth < 0) throw new IllegalArgumentException("analysisWidth must be >= 0 (0 = full size), got " + analysisWidth);
        if (minSpacing < 0) throw new IllegalArgumentException("minSpacing must be >= 0 (0 = automatic), got " + minSpacing);
        Objects.requireNonNull(beyondEnd, "beyondEnd");
    }

    /** Frame-difference scores on frames 160 pixels wide, automatic spacing. */
    public static MotionSampler of(int frames, BeyondEnd beyondEnd) {
        return new MotionSampler(frames, MotionScores.Method.FRAME_DIFFERENCE, 160, 0, beyondEnd);
    }

    /** The indices to keep from the reader's video. */
    public int[] select(VideoReader reader) throws IOException {
        int count = reader.frameCount();
        beyondEnd.check(frames, count, reader.path() + ": motion sampling");
        if (frames >= count) return UniformSampler.indices(count, frames, beyondEnd); // every frame, padded
        double[] scores = MotionScores.compute(reader, method, analysisWidth);
        int spacing = minSpacing == 0 ? KeyframeSelector.spacingFor(count, frames) : minSpacing;
        int[] picked = KeyframeSelector.topK(scores, frames, spacing);
        if (picked.length < frames) {
            throw new IllegalArgumentException(reader.path() + ": only " + picked.length + " of " + frames
                    + " frames fit " + spacing + " frames apart in " + count + " frames; lower the minimum spacing");
        }
        return picked;
    }
}
