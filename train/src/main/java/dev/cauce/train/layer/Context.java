package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.simd.ComputePool;

/**
 * What a layer needs besides its input for one forward/backward pass.
 *
 * @param pool     the run's compute pool (kernels split output blocks across it)
 * @param training true while training (dropout active, batch statistics), false for inference
 * @param rng      randomness for this step (dropout masks, noise), keyed by (seed, epoch, batch);
 *                 a layer derives its own stream with {@code rng.child(layerIndex)}
 */
public record Context(ComputePool pool, boolean training, Rng rng) {
    public Context {
        if (pool == null) throw new IllegalArgumentException("pool must not be null");
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
    }

    /** An inference context (no randomness is consumed in inference). */
    public static Context inference(ComputePool pool) {
        return new Context(pool, false, Rng.seeded(0));
    }
}
