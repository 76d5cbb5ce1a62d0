package dev.cauce.preprocess.video;

import java.util.Arrays;

/**
 * The frames a video really holds, found by decoding it: how many there are and when each one is
 * shown. Indices are 0-based positions in decode (presentation) order, the same numbering as
 * successive {@code cv2.VideoCapture.read()} calls or {@code ffprobe -count_frames}.
 *
 * <p>Timestamps are in microseconds and strictly increasing. Containers sometimes stamp a frame out
 * of order (Megamind.avi's last frame carries timestamp 0); such a stamp is repaired to the previous
 * one plus one nominal frame period, because the frame's position in decode order is the truth.
 *
 * @param timestampsMicros presentation time of each frame, strictly increasing
 * @param frameRate        the stream's nominal frames per second (used to repair stamps)
 */
public record FrameTimeline(long[] timestampsMicros, double frameRate) {

    public FrameTimeline {
        timestampsMicros = timestampsMicros.clone();
        for (int i = 1; i < timestampsMicros.length; i++) {
            if (timestampsMicros[i] <= timestampsMicros[i - 1]) {
                throw new IllegalArgumentException("timestampsMicros must increase strictly, but frame " + i + " has "
                        + timestampsMicros[i] + " after " + timestampsMicros[i - 1]
                        + "; build timelines with FrameTimeline.repaired");
            }
        }
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("frameRate must be a positive finite number, got " + frameRate);
        }
    }

    /** A timeline from raw decoder stamps, repairing any that do not increase (see class comment). */
    public static FrameTimeline repaired(long[] rawMicros, double frameRate) {
        long period = Math.max(1, Math.round(1e6 / frameRate));
        long[] ts = rawMicros.clone();
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] <= ts[i - 1]) ts[i] = ts[i - 1] + period;
        }
        return new FrameTimeline(ts, frameRate);
    }

    /** A timeline of {@code count} frames evenly spaced at {@code frameRate}, starting at 0. */
    public static FrameTimeline regular(int count, double frameRate) {
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
        long[] ts = new long[count];
        for (int i = 0; i < count; i++) ts[i] = Math.round(i * 1e6 / frameRate);
        return new FrameTimeline(ts, frameRate);
    }

    /** The number of decodable frames. */
    public int count() {
        return timestampsMicros.length;
    }

    @Override
    public long[] timestampsMicros() {
        return timestampsMicros.clone();
    }

    /** Presentation time of frame {@code index} in microseconds. */
    public long timestampMicros(int index) {
        return timestampsMicros[checkIndex(index)];
    }

    /**
     * The frame on screen at {@code micros}: the last frame whose timestamp is at most {@code micros}
     * (frame 0 for earlier times, the last frame for later ones).
     */
    public int indexAt(long micros) {
        if (count() == 0) throw new IllegalStateException("the timeline has no frames");
        int pos = Arrays.binarySearch(timestampsMicros, micros);
        int index = pos >= 0 ? pos : -pos - 2;
        return Math.clamp(index, 0, count() - 1);
    }

    /** Time from the first frame to the end of the last one (last stamp plus one nominal period). */
    public long durationMicros() {
        if (count() == 0) return 0;
        return timestampsMicros[count() - 1] - timestampsMicros[0] + Math.round(1e6 / frameRate);
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("frame index " + index + " outside [0, " + count() + ")");
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameTimeline t && Arrays.equals(timestampsMicros, t.timestampsMicros) && frameRate == t.frameRate;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(timestampsMicros) * 31 + Double.hashCode(frameRate);
    }

    @Override
    public String toString() {
        return "FrameTimeline[" + count() + " frames, " + frameRate + " fps]";
    }
}
