package dev.cauce.core.scale;

/**
 * The partial result of a one-pass fit over some of the samples: mergeable, so a fit can run over
 * partitions (threads, Spark tasks) whose states are then combined, in any order, to the state a
 * single pass over all samples would give (up to rounding in the last bits). Accumulated in double.
 *
 * <p>A state is mutable and owned by one thread while it accumulates; {@link #merge} returns a new
 * state and leaves both inputs unchanged.
 *
 * @param <S> the concrete state type
 */
public interface FeatureState<S extends FeatureState<S>> {

    /** Number of features per sample. */
    int features();

    /** Number of samples accumulated. */
    long count();

    /**
     * Adds one sample's feature vector.
     *
     * @param source names the sample in errors, e.g. {@code train-images.gz#17}
     * @throws dev.cauce.core.SampleException naming {@code source} and the feature index when a
     *         value is NaN or infinite, or when the vector has the wrong length
     */
    void add(float[] features, String source);

    /** The state of both partitions together (this one's samples, then {@code other}'s). */
    S merge(S other);
}
