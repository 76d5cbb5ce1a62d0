package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;

/**
 * Every {@code stride}-th frame from {@code start}: {@code start, start+stride, …}. With
 * {@code frames = 0} it takes as many as the video holds; otherwise exactly {@code frames}, and the
 * {@link BeyondEnd} policy decides when the video ends first.
 *
 * @param start     first frame index, at least 0
 * @param stride    step between frames, at least 1
 * @param frames    how many frames to return, or 0 for all that fit
 * @param beyondEnd what to do when the video ends before {@code frames} are found
 */
public record StrideSampler(int start, int stride, int frames, BeyondEnd beyondEnd) implements FrameSampler {

    public StrideSampler {
        if (start < 0) throw new IllegalArgumentException("start must be >= 0, got " + start);
        if (stride < 1) throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        if (frames < 0) throw new IllegalArgumentException("frames must be >= 0 (0 = all), got " + frames);
        if (beyondEnd == null) throw new IllegalArgumentException("beyondEnd must not be null");
    }

    @Override
    public int[] select(FrameTimeline timeline, Rng rng) {
        int k = timeline.count();
        int fit = start >= k ? 0 : (k - 1 - start) / stride + 1;
        int wanted = frames == 0 ? fit : frames;
        if (frames == 0 && fit == 0) {
            throw new IllegalArgumentException("stride sampling: start " + start + " is beyond the last of " + k + " frames");
        }
        beyondEnd.check(wanted, fit, "stride sampling from " + start + " every " + stride);
        int[] out = new int[wanted];
        for (int i = 0; i < wanted; i++) out[i] = start + Math.min(i, fit - 1) * stride;
        return out;
    }
}
