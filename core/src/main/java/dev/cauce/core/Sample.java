package dev.cauce.core;

/**
 * One item flowing through a pipeline: a value, its label, and where it came from.
 *
 * @param index  position of the sample in its source (stable; keys the sample's random streams)
 * @param source human-readable origin, e.g. a file path or {@code train-images-idx3-ubyte.gz#17};
 *               every error about the sample names it
 * @param value  the payload (an image, a waveform, a tensor, a string ...)
 * @param label  class index, or {@link #UNLABELLED}
 */
public record Sample<T>(long index, String source, T value, int label) {
    public static final int UNLABELLED = -1;

    public <R> Sample<R> withValue(R newValue) {
        return new Sample<>(index, source, newValue, label);
    }
}
