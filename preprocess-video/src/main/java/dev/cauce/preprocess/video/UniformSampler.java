package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;

/**
 * {@code n} frames spread evenly over the decodable range, first and last frame included: index
 * {@code i} is {@code round(i·(K−1)/(n−1))} for K decodable frames, rounded half up in exact integer
 * arithmetic. One frame ({@code n = 1}) is the middle frame {@code round((K−1)/2)}.
 *
 * <p>With fewer frames than asked ({@code K < n}) the {@link BeyondEnd} policy decides: an error, or
 * all K frames followed by copies of the last one.
 *
 * @param frames   how many frames to return, at least 1
 * @param beyondEnd what to do when the video is shorter than {@code frames}
 */
public record UniformSampler(int frames, BeyondEnd beyondEnd) implements FrameSampler {

    public UniformSampler {
        if (frames < 1) throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        if (beyondEnd == null) throw new IllegalArgumentException("beyondEnd must not be null");
    }

    @Override
    public int[] select(FrameTimeline timeline, Rng rng) {
        return indices(timeline.count(), frames, beyondEnd);
    }

    /** The uniform indices for {@code count} decodable frames (see the class comment). */
    public static int[] indices(int count, int frames, BeyondEnd beyondEnd) {
        beyondEnd.check(frames, count, "uniform sampling");
        int[] out = new int[frames];
        if (frames > count) {
            for (int i = 0; i < frames; i++) out[i] = Math.min(i, count - 1);
            return out;
        }
        if (frames == 1) {
            out[0] = count / 2; // round((K-1)/2) half up
            return out;
        }
        long span = count - 1;
        long steps = frames - 1;
        for (int i = 0; i < frames; i++) {
            // round(i*span/steps) half up == floor((2*i*span + steps) / (2*steps)), exact in long.
            out[i] = (int) ((2L * i * span + steps) / (2L * steps));
        }
        return out;
    }
}
