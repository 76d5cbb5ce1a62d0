package dev.cauce.train.ensemble;

import dev.cauce.core.Tensor;

/**
 * Anything that maps a batch of inputs to class probabilities: a trained model in inference mode,
 * or an {@link Ensemble} of them. Kept this small so an ensemble does not depend on the model class.
 */
@FunctionalInterface
public interface Predictor {
    /**
     * Class probabilities for a batch, shape [N, K] with rows summing to 1 (softmax outputs; for a
     * binary model, [N, 1] probabilities of the positive class work too). Must not modify {@code x}.
     */
    Tensor predictProba(Tensor x);
}
