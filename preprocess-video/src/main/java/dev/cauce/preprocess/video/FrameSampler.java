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
}
