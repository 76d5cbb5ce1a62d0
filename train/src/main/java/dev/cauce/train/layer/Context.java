package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.simd.ComputePool;

/**
 * What a layer needs besides its input for one forward/backward pass.
 *
 * @param pool         the run's compute pool (kernels split output blocks across it)
 * @param training     true while training (dropout active, batch statistics), false for inference
 * @param rng          randomness for this step (dropout masks, noise), keyed by (seed, epoch, batch);
 *                     a layer derives its own stream with {@code rng.child(layerIndex)}
 * @param reuseOutputs whether layers may hand out their kept output arrays, overwritten by the
 *                     next forward: true in training, and in an inference pass whose caller reads
 *                     each output before the next forward (the trainer's evaluation); false when
 *                     the caller may keep outputs
 */
public record Context(ComputePool pool, boolean training, Rng rng, boolean reuseOutputs) {
    public Context {
        if (pool == null) throw new IllegalArgumentException("pool must not be null");
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
    }

    /** A context that reuses outputs exactly when training. */
    public Context(ComputePool pool, boolean training, Rng rng) {
        this(pool, training, rng, training);
    }

    /** The context for a sub-layer: the same pool and modes, randomness {@code rng.child(index)}. */
    public Context child(int index) {
        return new Context(pool, training, rng.child(index), reuseOutputs);
    }

    /** An inference context (no randomness is consumed in inference); every output is a fresh array. */
    public static Context inference(ComputePool pool) {
        return new Context(pool, false, Rng.seeded(0), false);
    }

    /**
     * An inference context whose outputs live only until the next forward: for a loop that reads
     * each output (loss, predictions) before computing the next, such as an evaluation pass, which
     * then makes no per-batch garbage.
     */
    public static Context scratchInference(ComputePool pool) {
        return new Context(pool, false, Rng.seeded(0), true);
    }
}
