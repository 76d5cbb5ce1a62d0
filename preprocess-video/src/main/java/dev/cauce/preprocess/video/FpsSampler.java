package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;

/**
 * Resamples a video to a fixed frame rate using the decoded timestamps: at times
 * {@code t0 + j/fps} it keeps the frame on screen (the last frame whose timestamp is at most that
 * time). Going by timestamps rather than by the nominal rate keeps variable-rate and sparse videos
 * (tree.avi: 68 frames over 29.6 s) in real time. A frame may repeat when {@code fps} is above the
 * video's own rate.
 *
 * @param fps       target frames per second, positive
 * @param maxFrames at most this many frames, or 0 for the whole video
 */
public record FpsSampler(double fps, int maxFrames) implements FrameSampler {

    public FpsSampler {
        if (!(fps > 0) || Double.isInfinite(fps)) throw new IllegalArgumentException("fps must be positive and finite, got " + fps);
        if (maxFrames < 0) throw new IllegalArgumentException("maxFrames must be >= 0 (0 = no limit), got " + maxFrames);
    }

    @Override
    public int[] select(FrameTimeline timeline, Rng rng) {
        if (timeline.count() == 0) throw new IllegalArgumentException("fps sampling: the video has no decodable frames");
        long t0 = timeline.timestampMicros(0);
        long duration = timeline.durationMicros();
        // Sample times strictly inside [t0, t0 + duration): floor-based count avoids a sample at the end.
        long n = (long) Math.ceil(duration * fps / 1e6 - 1e-9);
        n = Math.max(1, n);
        if (maxFrames > 0) n = Math.min(n, maxFrames);
        int[] out = new int[(int) n];
        for (int j = 0; j < n; j++) {
            out[j] = timeline.indexAt(t0 + Math.round(j * 1e6 / fps));
        }
        return out;
    }
}
