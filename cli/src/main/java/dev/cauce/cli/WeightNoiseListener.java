package dev.cauce.cli;

import dev.cauce.core.Rng;
import dev.cauce.train.Param;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.regularize.WeightNoise;
import java.util.List;

/**
 * Perturbs the weights before each batch's forward pass; {@link RegularizedOptimizer} restores the
 * clean weights before the update. The noise of batch b of epoch e comes from
 * {@code Rng.of(seed, e, b, 2)} (op 1 is the trainer's dropout stream), so runs are reproducible.
 */
record WeightNoiseListener(WeightNoise noise, List<Param> params, long seed) implements TrainingListener {
    @Override
    public void onBatchStart(int epoch, int batch) {
        noise.perturb(params, Rng.of(seed, epoch, batch, 2));
    }
}
