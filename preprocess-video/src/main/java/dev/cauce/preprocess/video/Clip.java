package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.preprocess.image.Image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Frames taken from one video, with where they came from: the source, each frame's index in decode
 * order and its presentation time. Frames are RGB {@link Image}s (HWC while being edited); {@link
 * #toTensor} gives the {@code (T, C, H, W)} layout training wants.
 *
 * @param source           where the frames came from (a path, for error messages and outputs)
 * @param indices          decode-order index of each frame
 * @param timestampsMicros presentation time of each frame in microseconds
 * @param frames           the frames, all of one size
 */
public record Clip(String source, int[] indices, long[] timestampsMicros, List<Image> frames) {

    public Clip {
        Objects.requireNonNull(source, "source");
        frames = List.copyOf(frames);
        if (frames.isEmpty()) throw new IllegalArgumentException(source + ": a clip needs at least one frame");
        if (indices.length != frames.size() || timestampsMicros.length != frames.size()) {
            throw new IllegalArgumentException(source + ": " + frames.size() + " frames but " + indices.length
                    + " indices and " + timestampsMicros.length + " timestamps");
        }
        Image first = frames.getFirst();
        for (int t = 1; t < frames.size(); t++) {
            Image f = frames.get(t);
            if (f.width() != first.width() || f.height() != first.height() || f.channels() != first.channels()) {
                throw new IllegalArgumentException(source + ": frame " + t + " is " + f + " but frame 0 is " + first);
            }
        }
        indices = indices.clone();
        timestampsMicros = timestampsMicros.clone();
    }

    /** Number of frames T. */
    public int length() {
        return frames.size();
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public long[] timestampsMicros() {
        return timestampsMicros.clone();
    }

    /** The same clip with other frames (e.g. transformed), one per position. */
    public Clip withFrames(List<Image> newFrames) {
        return new Clip(source, indices, timestampsMicros, newFrames);
    }

    /**
     * Every frame through {@code transform}, frame t drawing from {@code rngOfFrame.apply(t)}: how
     * the generators are handed out decides whether frames get independent or shared random draws.
     */
    public Clip map(Transform<Image, Image> transform, IntFunction<Rng> rngOfFrame) {
        List<Image> out = new ArrayList<>(frames.size());
        for (int t = 0; t < frames.size(); t++) out.add(transform.apply(frames.get(t), rngOfFrame.apply(t)));
        return withFrames(out);
    }

    /** The frames stacked as a {@code (T, C, H, W)} float tensor, values mapped by {@code scale}. */
    public Tensor toTensor(Image.PixelScale scale) {
        List<Tensor> chw = new ArrayList<>(frames.size());
        for (Image f : frames) chw.add(f.toTensor(scale));
        return Tensor.stack(chw);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clip c && source.equals(c.source) && Arrays.equals(indices, c.indices)
                && Arrays.equals(timestampsMicros, c.timestampsMicros) && frames.equals(c.frames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, Arrays.hashCode(indices), Arrays.hashCode(timestampsMicros), frames);
    }

    @Override
    public String toString() {
        return "Clip[" + source + ", " + frames.size() + " frames " + Arrays.toString(indices) + "]";
    }
}
