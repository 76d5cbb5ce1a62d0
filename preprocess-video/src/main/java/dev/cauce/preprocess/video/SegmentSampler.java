package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;

/**
 * Temporal-segment sampling (as in TSN): the decodable range [0, K) is cut into {@code segments}
 * equal parts, segment i being [⌊i·K/n⌋, ⌊(i+1)·K/n⌋), and one frame is taken from each. In training
 * the frame is drawn uniformly inside its segment from the {@link Rng}; in evaluation it is the
 * segment's centre, {@code ⌊K·(2i+1)/(2n)⌋}, so evaluation needs no randomness.
 *
 * <p>With fewer frames than segments the {@link BeyondEnd} policy decides.
 *
 * @param segments  how many frames to return, at least 1
 * @param training  random frame per segment when true, centre frame when false
 * @param beyondEnd what to do when the video has fewer frames than segments
 */
public record SegmentSampler(int segments, boolean training, BeyondEnd beyondEnd) implements FrameSampler {

    public SegmentSampler {
        if (segments < 1) throw new IllegalArgumentException("segments must be >= 1, got " + segments);
        if (beyondEnd == null) throw new IllegalArgumentException("beyondEnd must not be null");
    }

    @Override
    public int[] select(FrameTimeline timeline, Rng rng) {
        int k = timeline.count();
        beyondEnd.check(segments, k, "segment sampling");
        int[] out = new int[segments];
        if (segments > k) {
            for (int i = 0; i < segments; i++) out[i] = Math.min(i, k - 1);
            return out;
        }
        for (int i = 0; i < segments; i++) {
            int start = (int) ((long) i * k / segments);
            int end = (int) ((long) (i + 1) * k / segments);
            out[i] = training ? start + rng.nextInt(end - start) : (int) ((long) k * (2L * i + 1) / (2L * segments));
        }
        return out;
    }
}
