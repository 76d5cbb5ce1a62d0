package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;

/**
 * Chooses which frames of a video to keep. A sampler only looks at the {@link FrameTimeline} (the
 * decodable frames and their times), never at the container's declared frame count.
 *
 * <p>Samplers return 0-based frame indices in non-decreasing order; an index may repeat when the
 * {@link BeyondEnd#PAD_LAST} policy pads a short video. Random samplers draw only from the given
 * {@link Rng}, so the same key picks the same frames.
 */
public sealed interface FrameSampler permits UniformSampler, SegmentSampler, StrideSampler, FpsSampler {

    /** The frame indices to keep from a video with this timeline. */
    int[] select(FrameTimeline timeline, Rng rng);

    /** Pads {@code wanted} positions from {@code available} real ones, or fails, per {@code policy}. */
    static void checkEnough(int wanted, int available, BeyondEnd policy, String what) {
        if (available == 0) {
            throw new IllegalArgumentException(what + ": the video has no decodable frames");
        }
        if (wanted > available && policy == BeyondEnd.ERROR) {
            throw new IllegalArgumentException(what + ": asked for " + wanted + " frames but the video has only "
                    + available + " decodable frames (choose BeyondEnd.PAD_LAST to repeat the last frame)");
        }
    }
}
